import { describe, expect, it } from 'vitest'
import { computeAllProgress, computeProgress } from '~/domain/progress'
import { aggregateOf } from '~/domain/progress/aggregate'
import { measuredPeriod } from '~/domain/progress/period'
import { monthlySeries } from '~/domain/progress/series'
import { aContext, anEntry, anIndicator, anObjective } from './factories'

describe('measured period', () => {
  it('ends a yearly indicator at its deadline inside the year', () => {
    const p = measuredPeriod(anIndicator({ deadline: '2024-06-30' }), aContext('2024-03-01T00:00:00Z'))
    expect([p.startIso, p.endIso]).toEqual(['2023-12-31T23:00:00.000Z', '2024-06-30T22:00:00.000Z'])
  })

  it('shows an objective due in an earlier year for that year', () => {
    expect(measuredPeriod(anIndicator({ deadline: '2023-06-30' }), aContext('2024-03-01T00:00:00Z')).year).toBe(2023)
  })

  it('measures a plan indicator over 2023–2025, or up to a later deadline', () => {
    const plan = measuredPeriod(anIndicator({ period: 'plan', deadline: '2026-06-30' }), aContext('2024-03-01T00:00:00Z'))
    expect([plan.startIso, plan.endIso]).toEqual(['2022-12-31T23:00:00.000Z', '2026-06-30T22:00:00.000Z'])
  })
})

describe('monthly series', () => {
  it('adds quantities per Rome month and accumulates them', () => {
    const objective = anObjective('fin-imu-tari', { target: 70 })
    const entries = [
      anEntry('fin-imu-tari', 'count_update', '2024-01-31T23:30:00Z', { quantity: 5 }),
      anEntry('fin-imu-tari', 'count_update', '2024-02-10T10:00:00Z', { quantity: 3 }),
      anEntry('fin-imu-tari', 'count_update', '2024-01-10T10:00:00Z', { quantity: 2 }),
    ]
    const series = monthlySeries(objective, entries, 2024)
    expect(series).toHaveLength(12)
    expect(series.slice(0, 3)).toEqual([
      { month: '2024-01', amount: 2, cumulative: 2 },
      { month: '2024-02', amount: 8, cumulative: 10 },
      { month: '2024-03', amount: 0, cumulative: 10 },
    ])
  })
})

describe('all objectives at once', () => {
  it('gives each objective only its own entries', () => {
    const a = anObjective('a', { target: 10 })
    const b = anObjective('b', { target: 10 })
    const entries = [anEntry('a', 'count_update', '2024-02-01T10:00:00Z', { quantity: 4 }), anEntry('b', 'count_update', '2024-02-01T10:00:00Z', { quantity: 7 })]
    const all = computeAllProgress([a, b], [], entries, aContext('2024-03-01T10:00:00Z'))
    expect([all.get('a')?.value, all.get('b')?.value]).toEqual([4, 7])
  })
})

describe('objectives figured from their aggregate', () => {
  it('gives the same figure from the aggregate as from the rows', () => {
    const patrols = anObjective('p', { kind: 'count', target: 100, entryKinds: ['patrol'] })
    const rows = Array.from({ length: 30 }, (_, i) => anEntry('p', 'patrol', `2024-02-${String(i % 28 + 1).padStart(2, '0')}T10:00:00Z`))
    const context = aContext('2024-03-01T10:00:00Z')
    const fromRows = computeProgress(patrols, null, rows, context)
    const fromAggregate = computeProgress(patrols, null, aggregateOf(rows), context)
    expect(fromAggregate).toEqual(fromRows)
  })
})
