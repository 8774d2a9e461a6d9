import { addCalendarDays, calendarDaysBetween, romeDate } from './time-rome'

/**
 * Age and deadline of a maintenance report (PIAO terr-segnaletica: "segnalazioni eseguite entro
 * 8 giorni dalla segnalazione").
 *
 * Decision: days are Europe/Rome calendar days, not 24-hour blocks. The day of the report is
 * day 0; a report resolved on any time of day 8 is still on time; it is overdue from day 9.
 * A crew reads "8 giorni" as dates on a calendar, and a DST change must not move a deadline.
 */
export const REPORT_DEADLINE_DAYS = 8

/** Calendar days from the report to `now` (or to its resolution, when resolved). */
export function reportAgeDays(reportedAt: string, until: string | Date): number {
  return calendarDaysBetween(romeDate(reportedAt), romeDate(until))
}

/** The last Rome calendar day on which fixing the report still counts as on time (YYYY-MM-DD). */
export function reportDeadline(reportedAt: string): string {
  return addCalendarDays(romeDate(reportedAt), REPORT_DEADLINE_DAYS)
}

/** A resolved report was on time when resolved no later than day 8. */
export function resolvedOnTime(reportedAt: string, resolvedAt: string): boolean {
  return reportAgeDays(reportedAt, resolvedAt) <= REPORT_DEADLINE_DAYS
}

/** An unresolved report is overdue once day 8 has passed. */
export function isOverdue(reportedAt: string, resolvedAt: string | null, now: string | Date): boolean {
  if (resolvedAt) return !resolvedOnTime(reportedAt, resolvedAt)
  return reportAgeDays(reportedAt, now) > REPORT_DEADLINE_DAYS
}
