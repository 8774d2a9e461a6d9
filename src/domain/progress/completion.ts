import { percent, roundTo, type KindInput } from './kind-input'
import { elapsedShare, inPeriod } from './period'
import { romeMonthBounds } from './rome-calendar'
import { summariesFromServed } from './snow'
import { AT_RISK_RATIO, cumulativeStatus, notStarted } from './status'
import type { KindFigure } from './types'

/**
 * Evening shifts (and any objective with a monthly programme): shifts done in the year against
 * the shifts programmed; by now we expect each month's plan in proportion to how much of it has passed.
 */
function programmeFigure(input: KindInput): KindFigure {
  const months = input.context.programmes.filter(
    (p) => p.objectiveId === input.objective.id && !p.deleted && p.month.startsWith(`${input.period.year}-`),
  )
  const planned = months.reduce((sum, p) => sum + p.planned, 0)
  const done = input.aggregate.amount
  if (planned === 0) {
    return { value: done, unit: 'turni', target: null, expected: null, ...notStarted('no_programme'), explanation: [{ key: 'completion.noProgramme', params: { done } }] }
  }
  const expected = roundTo(
    months.reduce((sum, p) => {
      const b = romeMonthBounds(p.month)
      const window = { start: b.start, end: b.end, startIso: '', endIso: '', year: input.period.year }
      return sum + p.planned * elapsedShare(window, input.context.now)
    }, 0),
    1,
  )
  const outcome = cumulativeStatus({ value: done, target: planned, expected, hasData: done > 0, periodEnded: input.periodEnded })
  return {
    value: done,
    unit: 'turni',
    target: planned,
    expected,
    ...outcome,
    explanation: [{ key: 'completion.programme', params: { done, planned, pct: percent(done, planned), year: input.period.year } }],
  }
}

/**
 * Snow plan: the figure is routes served over routes programmed, across the year's events.
 * An event still under way is on track; a closed event with routes left is at risk (≥ 80%) or off track.
 */
function snowFigure(input: KindInput): KindFigure {
  const events = input.context.snowEvents.filter((e) => !e.deleted && inPeriod(e.startedAt, input.period))
  if (events.length === 0) return { value: 0, target: 100, expected: null, ...notStarted('no_events'), explanation: [{ key: 'snow.noEvents', params: {} }] }
  const summaries = summariesFromServed(events, input.context.snowRoutes, input.aggregate.snowServed)
  const planned = summaries.reduce((sum, s) => sum + s.planned, 0)
  if (planned === 0) return { value: 0, target: 100, expected: null, ...notStarted('no_routes'), explanation: [{ key: 'snow.noRoutes', params: { events: events.length } }] }
  const served = summaries.reduce((sum, s) => sum + s.served, 0)
  const value = percent(served, planned)
  const complete = summaries.filter((s) => s.served === s.planned).length
  const closedShort = summaries.filter((s) => s.event.endedAt !== null && s.served < s.planned)
  const worst = Math.min(...closedShort.map((s) => s.completion / 100))
  const status = closedShort.length === 0 ? (complete === summaries.length ? 'achieved' : 'on_track') : worst >= AT_RISK_RATIO ? 'at_risk' : 'off_track'
  return {
    value,
    target: 100,
    expected: 100,
    status,
    reason: null,
    explanation: [{ key: 'snow.summary', params: { served, planned, value, events: events.length, complete } }],
  }
}

/** Office figures: items done so far over the plan size, which each update restates (the latest counts). */
function batchFigure(input: KindInput): KindFigure {
  const done = input.aggregate.amount
  const planned = input.aggregate.latestTotal?.total ?? input.setting?.target ?? null
  if (!planned) return { value: 0, target: 100, expected: null, ...notStarted(input.aggregate.count ? 'target_missing' : 'no_data'), explanation: [{ key: 'completion.noPlan', params: { done } }] }
  const value = percent(done, planned)
  const expected = roundTo(100 * input.elapsed, 1)
  const outcome = cumulativeStatus({ value, target: 100, expected, hasData: done > 0, periodEnded: input.periodEnded })
  return { value, target: 100, expected, ...outcome, explanation: [{ key: 'completion.batches', params: { done, planned, value } }] }
}

export function completionFigure(input: KindInput): KindFigure {
  const kinds = input.objective.indicator.entryKinds
  if (kinds.includes('snow_intervention')) return snowFigure(input)
  if (kinds.includes('evening_shift')) return programmeFigure(input)
  return batchFigure(input)
}
