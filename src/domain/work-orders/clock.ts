import { REPORT_DEADLINE_DAYS } from '~/domain/report-age'
import { dateOfDayNumber, dayNumberOfDate, romeDayNumber } from '~/domain/progress/rome-calendar'

/**
 * The 8-day clock of a work order. Same rule as ~/domain/report-age (Rome calendar days, the day
 * of the report is day 0, day 8 is the last one on time), on the Intl-free calendar because the
 * manager's queue runs it over every report of the area.
 */

/** Orders due within this many days (but not today) are flagged "due soon". */
export const DUE_SOON_DAYS = 2

export const CLOCK_STATES = ['on_time', 'due_soon', 'due_today', 'overdue'] as const
export type ClockState = (typeof CLOCK_STATES)[number]

export interface ClockInput {
  reportedAt: string
  /** A due day the manager set instead of day 8, YYYY-MM-DD. */
  dueOn: string | null
  resolvedAt: string | null
}

export interface Clock {
  /** The last Rome calendar day on time, YYYY-MM-DD. */
  dueDate: string
  /** Calendar days from today (or from the day it was resolved) to the due day; negative once late. */
  daysLeft: number
  state: ClockState
}

function dueDay(order: ClockInput): number {
  return order.dueOn ? dayNumberOfDate(order.dueOn) : romeDayNumber(order.reportedAt) + REPORT_DEADLINE_DAYS
}

function stateOf(daysLeft: number): ClockState {
  if (daysLeft < 0) return 'overdue'
  if (daysLeft === 0) return 'due_today'
  return daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'on_time'
}

/**
 * The clock at an instant. A resolved order stops its clock on the day it was resolved: it stays
 * "overdue" if it was fixed late and reads "on time" if it was fixed by its due day.
 */
export function clockAt(order: ClockInput, now: string | number): Clock {
  const due = dueDay(order)
  const daysLeft = due - romeDayNumber(order.resolvedAt ?? now)
  const state = order.resolvedAt && daysLeft >= 0 ? 'on_time' : stateOf(daysLeft)
  return { dueDate: dateOfDayNumber(due), daysLeft, state }
}
