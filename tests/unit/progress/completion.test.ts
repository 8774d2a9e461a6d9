import { describe, expect, it } from 'vitest'
import { computeProgress } from '~/domain/progress'
import { snowEventSummary } from '~/domain/progress/snow'
import { aContext, anEntry, anObjective, aProgramme, aRoute, aSnowEvent, manyEntries } from './factories'

describe('evening shifts vs the monthly programme', () => {
  const shifts = anObjective('pl-turni-serali', { kind: 'completion', target: 100, period: 'month', entryKinds: ['evening_shift'] })
  const programmes = [aProgramme('pl-turni-serali', '2024-01', 4), aProgramme('pl-turni-serali', '2024-02', 6)]
  // 15 Feb, Rome midnight: January's 4 are due, and 14 of February's 29 days of 6 → 4 + 2.9 = 6.9 expected.
  const context = aContext('2024-02-14T23:00:00Z', { programmes })

  it('expects 6.9 shifts by mid-February and is on track with 7 of the 10 programmed', () => {
    const p = computeProgress(shifts, null, manyEntries('pl-turni-serali', 'evening_shift', 7), context)
    expect(p).toMatchObject({ value: 7, target: 10, expected: 6.9, status: 'on_track' })
    expect(p.explanation[0]).toEqual({ key: 'completion.programme', params: { done: 7, planned: 10, pct: 70, year: 2024 } })
  })

  it('is at risk with 6 and off track with 5', () => {
    expect(computeProgress(shifts, null, manyEntries('pl-turni-serali', 'evening_shift', 6), context).status).toBe('at_risk')
    expect(computeProgress(shifts, null, manyEntries('pl-turni-serali', 'evening_shift', 5), context).status).toBe('off_track')
  })

  it('is not started until a manager enters the programme', () => {
    const p = computeProgress(shifts, null, manyEntries('pl-turni-serali', 'evening_shift', 3), aContext('2024-02-14T23:00:00Z'))
    expect(p).toMatchObject({ status: 'not_started', reason: 'no_programme', value: 3, target: null })
  })
})

describe('snow plan: routes served per event', () => {
  const plan = anObjective('terr-piano-neve', { kind: 'completion', target: 100, period: 'event', entryKinds: ['snow_intervention'] })
  const routes = [aRoute('r1', 1), aRoute('r2', 2), aRoute('r3', 3), aRoute('r4', 4, { active: false })]
  const serve = (routeId: string, endedAt: string, eventId = 'e1') =>
    anEntry('terr-piano-neve', 'snow_intervention', endedAt, { snowEventId: eventId, routeId, endedAt, action: 'ploughing' })

  it('is not started, without dividing by zero, when the event has no routes', () => {
    const p = computeProgress(plan, null, [], aContext('2024-02-01T10:00:00Z', { snowEvents: [aSnowEvent('e1', '2024-01-20T05:00:00Z')] }))
    expect(p).toMatchObject({ status: 'not_started', reason: 'no_routes', value: 0 })
    expect(Number.isFinite(p.ratio)).toBe(true)
  })

  it('is not started before any snow event in the year', () => {
    expect(computeProgress(plan, null, [], aContext('2024-02-01T10:00:00Z', { snowRoutes: routes })).reason).toBe('no_events')
  })

  it('counts each active route once and times the event until the last one is first served', () => {
    const event = aSnowEvent('e1', '2024-01-20T05:00:00Z', '2024-01-21T18:00:00Z')
    const summary = snowEventSummary(event, routes, [serve('r1', '2024-01-20T08:00:00Z'), serve('r1', '2024-01-20T15:00:00Z'), serve('r2', '2024-01-20T09:30:00Z'), serve('r3', '2024-01-20T11:00:00Z'), serve('r4', '2024-01-20T12:00:00Z')])
    expect(summary).toMatchObject({ planned: 3, served: 3, completion: 100, completedAt: '2024-01-20T11:00:00Z', hoursToComplete: 6 })
  })

  it('is on track while the event is under way, and off track once closed with 2 of 3 routes', () => {
    const entries = [serve('r1', '2024-01-20T08:00:00Z'), serve('r2', '2024-01-20T09:30:00Z')]
    const ongoing = aContext('2024-01-20T12:00:00Z', { snowRoutes: routes, snowEvents: [aSnowEvent('e1', '2024-01-20T05:00:00Z')] })
    expect(computeProgress(plan, null, entries, ongoing)).toMatchObject({ value: 66.7, status: 'on_track' })
    const closed = aContext('2024-01-22T12:00:00Z', { snowRoutes: routes, snowEvents: [aSnowEvent('e1', '2024-01-20T05:00:00Z', '2024-01-21T18:00:00Z')] })
    expect(computeProgress(plan, null, entries, closed).status).toBe('off_track')
  })

  it('is achieved when every event served every route', () => {
    const entries = ['r1', 'r2', 'r3'].map((r) => serve(r, '2024-01-20T10:00:00Z'))
    const context = aContext('2024-01-22T12:00:00Z', { snowRoutes: routes, snowEvents: [aSnowEvent('e1', '2024-01-20T05:00:00Z', '2024-01-21T18:00:00Z')] })
    expect(computeProgress(plan, null, entries, context)).toMatchObject({ value: 100, status: 'achieved' })
  })
})

describe('completion from office batches', () => {
  it('divides the items done by the latest plan size', () => {
    const pnrr = anObjective('amm-pnrr', { kind: 'completion', target: 100, period: 'plan', entryKinds: ['count_update'] })
    const entries = [
      anEntry('amm-pnrr', 'count_update', '2023-05-01T10:00:00Z', { quantity: 2, total: 8 }),
      anEntry('amm-pnrr', 'count_update', '2024-05-01T10:00:00Z', { quantity: 3, total: 10 }),
    ]
    // 5 of 10 measures = 50%; on 1 July 2024, 547 days less an hour of the plan's 1096 are gone: 49.9% expected.
    const p = computeProgress(pnrr, null, entries, aContext('2024-06-30T22:00:00Z'))
    expect(p.value).toBe(50)
    expect(p.explanation[0]).toEqual({ key: 'completion.batches', params: { done: 5, planned: 10, value: 50 } })
    expect(p).toMatchObject({ expected: 49.9, status: 'on_track' })
  })
})
