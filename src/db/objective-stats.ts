import type { Entry, EntryKind } from '~/domain/entry'
import { addEntry, emptyAggregate, stepName, type ObjectiveAggregate } from '~/domain/progress/aggregate'
import { entryQuantity, payloadNumber } from '~/domain/progress/kind-input'
import { reportFacts } from '~/domain/progress/maintenance'
import { romeMonthKey } from '~/domain/progress/rome-calendar'
import { snowEndOf, snowServedKey } from '~/domain/progress/snow'

/**
 * One objective's entries of one kind in one Rome calendar month, summed. Kept up to date in the
 * same transaction as every write to `entries` (./objective-stats-middleware.ts), so the dashboard
 * adds up a few hundred of these instead of reading 100,000 entries.
 */
export interface ObjectiveStatsRow extends ObjectiveAggregate {
  objectiveId: string
  /** "YYYY-MM" on the Rome calendar, of occurredAt. */
  month: string
  kind: EntryKind
}

export type StatsKey = [objectiveId: string, month: string, kind: EntryKind]

export const STATS_TABLE = 'objectiveStats'

/**
 * In `meta`: how many rows `entries` holds by the stats' own account. A write that went around
 * Dexie (a test seeding IndexedDB directly) leaves it different from the real count, and the
 * stats are rebuilt (objective-stats-rebuild.ts).
 */
export const ROWS_KEY = 'objectiveStats.rows'

export function statsKeyOf(entry: Entry): StatsKey {
  return [entry.objectiveId, romeMonthKey(entry.occurredAt), entry.kind]
}

export const keyText = (key: StatsKey): string => key.join('\n')

export function emptyStatsRow([objectiveId, month, kind]: StatsKey): ObjectiveStatsRow {
  return { objectiveId, month, kind, ...emptyAggregate() }
}

/**
 * Only live entries count, as in the figures (entriesBehind); a row too incomplete to place in a
 * month (no objective, no valid time, no payload) is left out rather than failing the write.
 */
export function counts(entry: Entry | undefined | null): entry is Entry {
  return !!entry && !entry.deleted && typeof entry.objectiveId === 'string' && typeof entry.occurredAt === 'string' && !Number.isNaN(Date.parse(entry.occurredAt)) && typeof entry.payload === 'object' && entry.payload !== null
}

/** The stats of a set of entries from scratch: the schema upgrade, the repair of a bucket, the tests. */
export function statsRowsOf(entries: Iterable<Entry>): ObjectiveStatsRow[] {
  const rows = new Map<string, ObjectiveStatsRow>()
  for (const entry of entries) {
    if (!counts(entry)) continue
    const key = statsKeyOf(entry)
    let row = rows.get(keyText(key))
    if (!row) rows.set(keyText(key), (row = emptyStatsRow(key)))
    addEntry(row, entry, 'byId')
  }
  return [...rows.values()]
}

/** A newest/oldest value held by the removed entry survives only if its replacement beats it. */
function keepsLead(replacement: Entry | null, beats: (r: Entry) => boolean): boolean {
  return replacement !== null && beats(replacement)
}

/**
 * Takes an entry out of its bucket (mutates the row). Sums are subtracted; when the entry held
 * one of the newest/oldest values and its replacement (the same entry updated, in the same bucket)
 * does not take over, the bucket cannot be fixed by arithmetic: returns true, to recompute it.
 */
export function removeEntry(row: ObjectiveStatsRow, removed: Entry, replacement: Entry | null): boolean {
  const quantity = entryQuantity(removed)
  const batch = [payloadNumber(removed, 'quantity'), payloadNumber(removed, 'total')]
  row.count--
  row.amount -= quantity
  row.sumQuantity -= batch[0]!
  row.sumTotal -= batch[1]!
  // Subtracting fractions leaves rounding dust the sum from scratch would not have.
  let stale = ![quantity, ...batch].every(Number.isInteger)
  if (removed.payload.outcome === 'findings') {
    row.findings--
    if (removed.payload.critical === true) row.critical--
  }
  if (removed.updatedAt === row.lastUpdate) stale ||= !keepsLead(replacement, (r) => r.updatedAt >= removed.updatedAt)
  const later = (r: Entry) => r.occurredAt >= removed.occurredAt
  if (row.latest?.id === removed.id) stale ||= !keepsLead(replacement, later)
  if (row.latestTotal?.id === removed.id) stale ||= !keepsLead(replacement, (r) => typeof r.payload.total === 'number' && later(r))
  const step = stepName(removed)
  if (step && row.steps[step]?.id === removed.id) stale ||= !keepsLead(replacement, (r) => stepName(r) === step && later(r))
  const served = snowServedKey(removed)
  if (served !== null && row.snowServed[served] === snowEndOf(removed)) {
    stale ||= !keepsLead(replacement, (r) => snowServedKey(r) === served && snowEndOf(r) <= snowEndOf(removed))
  }
  if (removed.kind === 'maintenance_report') removeReport(row, removed)
  return stale
}

function removeReport(row: ObjectiveStatsRow, removed: Entry): void {
  const facts = reportFacts(removed, new Date(0))
  if (facts.open) {
    row.openReports = row.openReports.filter((r) => r.id !== removed.id)
    return
  }
  const left = (row.resolvedDays[facts.days] ?? 0) - 1
  if (left > 0) row.resolvedDays[facts.days] = left
  else delete row.resolvedDays[facts.days]
}
