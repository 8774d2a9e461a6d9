/**
 * Europe/Rome calendar arithmetic without Intl: the progress maths runs over
 * 100,000 entries on a phone, and one Intl call per entry costs more than the
 * whole budget. Italy follows the EU rule (since 1996): CEST (+2) from the last
 * Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC, CET (+1) otherwise.
 */

const HOUR = 3_600_000
export const DAY_MS = 24 * HOUR

function lastSundayUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0))
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1)
}

/** Offset of Rome from UTC, in ms, at a UTC instant. */
export function romeOffsetMs(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear()
  const summer = utcMs >= lastSundayUtc(year, 2) && utcMs < lastSundayUtc(year, 9)
  return summer ? 2 * HOUR : HOUR
}

/** The UTC instant of a Rome wall-clock midnight (the offset is the one in force just after it). */
export function romeMidnightUtc(year: number, monthIndex: number, day: number): number {
  const naive = Date.UTC(year, monthIndex, day)
  return naive - romeOffsetMs(naive - HOUR)
}

/** Days since 1970-01-01 on the Rome calendar: differences give calendar days. */
export function romeDayNumber(iso: string | number): number {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso)
  return Math.floor((ms + romeOffsetMs(ms)) / DAY_MS)
}

/** "YYYY-MM" of the Rome calendar month an instant falls in. */
export function romeMonthKey(iso: string | number): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso)
  return new Date(ms + romeOffsetMs(ms)).toISOString().slice(0, 7)
}

/** The 12 "YYYY-MM" keys of a year. */
export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
}

/** [start, end) of a Rome calendar month as UTC ms. */
export function romeMonthBounds(month: string): { start: number; end: number } {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return { start: romeMidnightUtc(year, m - 1, 1), end: romeMidnightUtc(year, m, 1) }
}

/** The Rome calendar day number of a date "YYYY-MM-DD" (same scale as romeDayNumber). */
export function dayNumberOfDate(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS)
}

/** The date "YYYY-MM-DD" of a Rome calendar day number. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}
