import type { Indicator } from '~/domain/objective'
import { romeMidnightUtc } from './rome-calendar'
import type { ProgressContext } from './types'

/** The window an indicator is measured over, as UTC ms [start, end), on the Rome calendar. */
export interface MeasuredPeriod {
  start: number
  end: number
  /** ISO bounds, so that entries are filtered by string comparison (fast over 100k rows). */
  startIso: string
  endIso: string
  /** The calendar year the figure is reported for. */
  year: number
}

/** The UTC instant the Rome day after `isoDate` (YYYY-MM-DD) begins: the end of that day. */
export function dayAfter(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  return romeMidnightUtc(y, m - 1, d + 1)
}

function window(start: number, end: number, year: number): MeasuredPeriod {
  return { start, end, startIso: new Date(start).toISOString(), endIso: new Date(end).toISOString(), year }
}

/**
 * - year / month / event / continuous: the monitoring year, ending early at the deadline when the
 *   PIAO sets one inside it; an objective whose deadline fell in an earlier year is shown for that year.
 * - plan: the whole plan (2023–2025), or up to its deadline when that is later (PNRR measures).
 */
export function measuredPeriod(indicator: Indicator, context: ProgressContext): MeasuredPeriod {
  const deadlineYear = indicator.deadline ? Number(indicator.deadline.slice(0, 4)) : null
  const deadlineEnd = indicator.deadline ? dayAfter(indicator.deadline) : null
  if (indicator.period === 'plan') {
    const start = romeMidnightUtc(context.plan.startYear, 0, 1)
    const planEnd = romeMidnightUtc(context.plan.endYear + 1, 0, 1)
    return window(start, Math.max(planEnd, deadlineEnd ?? 0), context.year)
  }
  const year = deadlineYear !== null && deadlineYear < context.year ? deadlineYear : context.year
  const start = romeMidnightUtc(year, 0, 1)
  const yearEnd = romeMidnightUtc(year + 1, 0, 1)
  const end = deadlineEnd !== null && deadlineEnd > start && deadlineEnd < yearEnd ? deadlineEnd : yearEnd
  return window(start, end, year)
}

/** Share of the period elapsed at `now`, 0..1. */
export function elapsedShare(period: MeasuredPeriod, now: Date): number {
  const t = now.getTime()
  if (t <= period.start) return 0
  if (t >= period.end) return 1
  return (t - period.start) / (period.end - period.start)
}

export function inPeriod(iso: string, period: MeasuredPeriod): boolean {
  return iso >= period.startIso && iso < period.endIso
}
