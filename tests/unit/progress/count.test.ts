import { describe, expect, it } from 'vitest'
import { computeProgress } from '~/domain/progress'
import { aContext, anEntry, anObjective, aSetting, manyEntries } from './factories'

const patrols = anObjective('pl-pattugliamento', {
  kind: 'count',
  relativeIncreasePct: 10,
  unit: 'pattuglie',
  baseline: { value: null, year: 2022, source: 'manager' },
  entryKinds: ['patrol', 'checkpoint'],
  deadline: '2024-12-31',
})
const baseline400 = aSetting('pl-pattugliamento', { baselineValue: 400 })
// 1 July 2024, Rome midnight: 182 days less the clock-change hour out of 366 days → 4367/8784 of the year.
const midYear = '2024-06-30T22:00:00Z'

describe('count indicator: patrols vs 2022 + 10%', () => {
  it('explains 412 patrols against 440 = 400 of 2022 + 10%, missed once 2024 is over', () => {
    const p = computeProgress(patrols, baseline400, manyEntries('pl-pattugliamento', 'patrol', 412), aContext('2025-01-15T10:00:00Z'))
    expect(p).toMatchObject({ value: 412, target: 440, status: 'off_track', reason: 'period_ended' })
    expect(p.ratio).toBeCloseTo(412 / 440)
    expect(p.explanation[0]).toEqual({
      key: 'count.relative',
      params: { unit: 'pattuglie', value: 412, year: 2024, target: 440, baseline: 400, baselineYear: 2022, pct: 10 },
    })
  })

  it('expects 218.7 patrols by 1 July and is on track with 220', () => {
    const p = computeProgress(patrols, baseline400, manyEntries('pl-pattugliamento', 'patrol', 220), aContext(midYear))
    expect(p.expected).toBe(218.7)
    expect(p.status).toBe('on_track')
  })

  it('is at risk at 80–100% of the expected figure and off track below', () => {
    expect(computeProgress(patrols, baseline400, manyEntries('pl-pattugliamento', 'checkpoint', 180), aContext(midYear)).status).toBe('at_risk')
    expect(computeProgress(patrols, baseline400, manyEntries('pl-pattugliamento', 'patrol', 170), aContext(midYear)).status).toBe('off_track')
  })

  it('is achieved as soon as 440 patrols are logged', () => {
    expect(computeProgress(patrols, baseline400, manyEntries('pl-pattugliamento', 'patrol', 440), aContext(midYear)).status).toBe('achieved')
  })

  it('waits for the 2022 baseline before judging: not started, baseline missing', () => {
    const p = computeProgress(patrols, null, manyEntries('pl-pattugliamento', 'patrol', 50), aContext(midYear))
    expect(p).toMatchObject({ status: 'not_started', reason: 'baseline_missing', target: null, value: 50 })
  })

  it('is not started before the period begins', () => {
    const p = computeProgress(patrols, baseline400, [], aContext('2023-11-01T10:00:00Z'))
    expect(p).toMatchObject({ status: 'not_started', reason: 'period_not_started' })
  })

  it('ignores deleted entries and entries of other kinds or years', () => {
    const entries = [
      ...manyEntries('pl-pattugliamento', 'patrol', 3),
      ...manyEntries('pl-pattugliamento', 'patrol', 2).map((e) => ({ ...e, deleted: true })),
      ...manyEntries('pl-pattugliamento', 'evening_shift', 4),
      ...manyEntries('pl-pattugliamento', 'patrol', 5, '2023-03-01'),
    ]
    expect(computeProgress(patrols, baseline400, entries, aContext(midYear)).value).toBe(3)
  })
})

describe('count indicator: absolute yearly target (≥ 70 IMU/TARI notices)', () => {
  const notices = anObjective('fin-imu-tari', { kind: 'count', target: 70, unit: 'avvisi', entryKinds: ['count_update'] })

  it('sums the quantities of count updates and is achieved at 75', () => {
    const entries = [anEntry('fin-imu-tari', 'count_update', '2024-02-01T10:00:00Z', { quantity: 30 }), anEntry('fin-imu-tari', 'count_update', '2024-04-01T10:00:00Z', { quantity: 45 })]
    expect(computeProgress(notices, null, entries, aContext(midYear))).toMatchObject({ value: 75, target: 70, status: 'achieved' })
  })

  it('is not started with no data while less than one notice is expected (2 January)', () => {
    expect(computeProgress(notices, null, [], aContext('2024-01-02T10:00:00Z'))).toMatchObject({ status: 'not_started', reason: 'no_data' })
  })

  it('is off track with no data by mid-year (35 expected)', () => {
    expect(computeProgress(notices, null, [], aContext(midYear)).status).toBe('off_track')
  })

  it('uses the target a manager set when the PIAO leaves it open', () => {
    const open = anObjective('soc-alloggi-sap', { kind: 'count', target: null, entryKinds: ['count_update'] })
    expect(computeProgress(open, null, [], aContext(midYear))).toMatchObject({ status: 'not_started', reason: 'target_missing' })
    expect(computeProgress(open, aSetting('soc-alloggi-sap', { target: 4 }), [], aContext(midYear)).target).toBe(4)
  })
})
