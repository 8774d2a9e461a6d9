import type { Entry } from '~/domain/entry'
import { REPORT_DEADLINE_DAYS } from '~/domain/report-age'
import { roundTo } from './kind-input'
import { romeDayNumber } from './rome-calendar'

/**
 * Maintenance reports (signage, street furniture…): the PIAO asks for ≥ 75% fixed within 8 days.
 * Same rule as ~/domain/report-age (Rome calendar days, day of the report = day 0, overdue from
 * day 9), computed with the Intl-free calendar because the dashboard runs it over thousands of reports.
 * A report still open is undecided until its deadline passes: open on day 8 is not yet late, on day 9 it is.
 */
export const DEFAULT_FIX_DAYS = REPORT_DEADLINE_DAYS

export interface ReportFacts {
  entry: Entry
  reportedAt: string
  resolvedAt: string | null
  /** Calendar days from report to fix, or to `now` while open. */
  days: number
  open: boolean
  fixedInTime: boolean
  overdue: boolean
}

function resolvedAtOf(entry: Entry): string | null {
  const given = entry.payload.resolvedAt
  if (typeof given === 'string' && given) return given
  return entry.status === 'resolved' ? entry.updatedAt : null
}

export function reportFacts(entry: Entry, now: Date, withinDays = DEFAULT_FIX_DAYS): ReportFacts {
  const reported = entry.payload.reportedAt
  const reportedAt = typeof reported === 'string' && reported ? reported : entry.occurredAt
  const resolvedAt = resolvedAtOf(entry)
  const open = resolvedAt === null
  const days = romeDayNumber(resolvedAt ?? now.getTime()) - romeDayNumber(reportedAt)
  return { entry, reportedAt, resolvedAt, days, open, fixedInTime: !open && days <= withinDays, overdue: open && days > withinDays }
}

export interface FixShare {
  fixedInTime: number
  /** Reports whose outcome is known: resolved, or open past the deadline. */
  decided: number
  /** Open reports still within the deadline. */
  pending: number
}

/** A report's outcome is known once it is resolved or its deadline has passed. */
export function isDecided(f: ReportFacts): boolean {
  return !f.open || f.overdue
}

export function fixShare(facts: ReportFacts[]): FixShare {
  let fixedInTime = 0
  let decided = 0
  for (const f of facts) {
    if (f.fixedInTime) fixedInTime++
    if (isDecided(f)) decided++
  }
  return { fixedInTime, decided, pending: facts.length - decided }
}

export const AGE_BUCKETS = ['upTo7', 'from8to14', 'from15to30', 'over30'] as const
export type AgeBucket = (typeof AGE_BUCKETS)[number]

export function ageBucket(days: number): AgeBucket {
  if (days <= 7) return 'upTo7'
  if (days <= 14) return 'from8to14'
  if (days <= 30) return 'from15to30'
  return 'over30'
}

/** Open reports by age. */
export function ageBuckets(facts: ReportFacts[]): Record<AgeBucket, number> {
  const buckets: Record<AgeBucket, number> = { upTo7: 0, from8to14: 0, from15to30: 0, over30: 0 }
  for (const f of facts) if (f.open) buckets[ageBucket(f.days)]++
  return buckets
}

/** Mean calendar days to fix over resolved reports, one decimal; null when none is resolved. */
export function averageDaysToFix(facts: ReportFacts[]): number | null {
  const resolved = facts.filter((f) => !f.open)
  if (resolved.length === 0) return null
  return roundTo(resolved.reduce((sum, f) => sum + f.days, 0) / resolved.length, 1)
}
