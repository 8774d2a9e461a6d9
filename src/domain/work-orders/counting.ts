import { REPORT_CATEGORIES, type ReportCategory } from '~/domain/entry-payloads'
import { roundTo } from '~/domain/progress/kind-input'
import type { Entry } from '~/domain/entry'
import { ageBuckets, averageDaysToFix, isDecided, reportFacts, type AgeBucket, type ReportFacts } from '~/domain/progress/maintenance'
import type { Decline } from './work-order'

/**
 * "Almeno il 75% delle segnalazioni eseguite entro 8 giorni", counted report by report so the
 * figure can list what is behind it. A declined report (not the comune's) is no work the comune
 * owed, and a duplicate is counted once, through its original: both are left out and listed apart.
 */
export interface FixedWithinCount {
  /** The numerator: fixed within the days. */
  fixedInTime: ReportFacts[]
  /** The denominator: resolved, or open past the deadline. */
  decided: ReportFacts[]
  /** Open and still within the deadline: in neither figure yet. */
  pending: ReportFacts[]
  declined: ReportFacts[]
  duplicates: ReportFacts[]
}

export function countFixedWithin(facts: ReportFacts[], declineOf: (reportId: string) => Decline | null): FixedWithinCount {
  const count: FixedWithinCount = { fixedInTime: [], decided: [], pending: [], declined: [], duplicates: [] }
  for (const f of facts) {
    const decline = declineOf(f.entry.id)
    if (decline) {
      count[decline.reason === 'duplicate' ? 'duplicates' : 'declined'].push(f)
      continue
    }
    if (f.fixedInTime) count.fixedInTime.push(f)
    count[isDecided(f) ? 'decided' : 'pending'].push(f)
  }
  return count
}

export interface DaysToFix {
  category: ReportCategory
  resolved: number
  /** Calendar days, one decimal; null while none of the category is resolved. */
  average: number | null
  median: number | null
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : roundTo((sorted[mid - 1] + sorted[mid]) / 2, 1)
}

/** Average and median days to fix per category, over the resolved reports that count (all are decided). */
export function daysToFixByCategory(count: FixedWithinCount): DaysToFix[] {
  return REPORT_CATEGORIES.map((category) => {
    const resolved = count.decided.filter((f) => !f.open && f.entry.payload.category === category)
    return { category, resolved: resolved.length, average: averageDaysToFix(resolved), median: median(resolved.map((f) => f.days)) }
  })
}

/** What the objective page shows of its reports: the figure's reports, listed, and how long fixing took. */
export interface MaintenanceBreakdown {
  count: FixedWithinCount
  /** In the denominator, not the numerator: fixed late or still open past the deadline; longest first. */
  late: ReportFacts[]
  /** The counted reports still open, by age. */
  buckets: Record<AgeBucket, number>
  averageDaysToFix: number | null
  daysToFix: DaysToFix[]
}

export function maintenanceBreakdown(entries: Entry[], now: Date, withinDays: number, declineOf: (reportId: string) => Decline | null): MaintenanceBreakdown {
  const facts = entries.filter((e) => e.kind === 'maintenance_report').map((e) => reportFacts(e, now, withinDays))
  const count = countFixedWithin(facts, declineOf)
  const counted = [...count.decided, ...count.pending]
  return {
    count,
    late: count.decided.filter((f) => !f.fixedInTime).sort((a, b) => b.days - a.days),
    buckets: ageBuckets(counted),
    averageDaysToFix: averageDaysToFix(count.decided),
    daysToFix: daysToFixByCategory(count),
  }
}
