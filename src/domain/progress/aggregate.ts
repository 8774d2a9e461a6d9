import type { Entry } from '~/domain/entry'
import { entryQuantity, payloadNumber } from './kind-input'
import { reportFacts } from './maintenance'
import { noteServed } from './snow'

/** The entry a "latest" figure comes from: newest occurredAt wins. */
export interface LatestOf {
  id: string
  occurredAt: string
}

export interface LatestCheck extends LatestOf {
  findings: boolean
}

export interface LatestTotal extends LatestOf {
  total: number
}

export interface StepState extends LatestOf {
  done: boolean
  evidence: string
  date: string
}

export interface OpenReport {
  id: string
  reportedAt: string
}

/**
 * Everything an objective's figure needs from its entries, in a form that can be summed month by
 * month and kept up to date on each write (src/db/objective-stats.ts), so the dashboard never has
 * to read 100,000 entries. What cannot be summed stays small: the latest check, each milestone
 * step's latest state, the first time each snow route was served, and the reports still open.
 */
export interface ObjectiveAggregate {
  count: number
  /** Sum of entryQuantity (count updates their quantity, anything else 1). */
  amount: number
  /** Sums of payload.quantity and payload.total (office batches). */
  sumQuantity: number
  sumTotal: number
  /** Newest updatedAt. */
  lastUpdate: string | null
  /** Entries whose outcome is "findings", and those of them marked critical. */
  findings: number
  critical: number
  latest: LatestCheck | null
  /** The newest entry carrying a numeric payload.total. */
  latestTotal: LatestTotal | null
  /** Milestone steps by name: each step's latest update. */
  steps: Record<string, StepState>
  /** Resolved maintenance reports by Rome calendar days from report to fix. */
  resolvedDays: Record<string, number>
  openReports: OpenReport[]
  /** When each (snow event, route) was first served, by snowServedKey. */
  snowServed: Record<string, string>
}

export function emptyAggregate(): ObjectiveAggregate {
  return { count: 0, amount: 0, sumQuantity: 0, sumTotal: 0, lastUpdate: null, findings: 0, critical: 0, latest: null, latestTotal: null, steps: {}, resolvedDays: {}, openReports: [], snowServed: {} }
}

/**
 * How a tie on occurredAt is broken: a list of entries lets the later one win (as the entries
 * are read in primary-key order); stats kept across writes compare ids, which gives the same answer.
 */
export type TieRule = 'later' | 'byId'

function newer(candidate: LatestOf, current: LatestOf | null | undefined, tie: TieRule): boolean {
  if (!current) return true
  if (candidate.occurredAt !== current.occurredAt) return candidate.occurredAt > current.occurredAt
  return tie === 'later' || candidate.id >= current.id
}

function stepOf(entry: Entry): StepState | null {
  const step = String(entry.payload.step ?? '').trim()
  if (!step) return null
  return {
    id: entry.id,
    occurredAt: entry.occurredAt,
    done: entry.payload.done === true,
    evidence: String(entry.payload.evidence ?? '').trim(),
    date: String(entry.payload.date ?? entry.occurredAt.slice(0, 10)),
  }
}

export function stepName(entry: Entry): string {
  return String(entry.payload.step ?? '').trim()
}

/** Adds one live entry to the aggregate (mutates it). */
export function addEntry(agg: ObjectiveAggregate, entry: Entry, tie: TieRule): void {
  agg.count++
  agg.amount += entryQuantity(entry)
  agg.sumQuantity += payloadNumber(entry, 'quantity')
  agg.sumTotal += payloadNumber(entry, 'total')
  if (agg.lastUpdate === null || entry.updatedAt > agg.lastUpdate) agg.lastUpdate = entry.updatedAt
  const findings = entry.payload.outcome === 'findings'
  if (findings) agg.findings++
  if (findings && entry.payload.critical === true) agg.critical++
  if (newer(entry, agg.latest, tie)) agg.latest = { id: entry.id, occurredAt: entry.occurredAt, findings }
  const total = entry.payload.total
  if (typeof total === 'number' && newer(entry, agg.latestTotal, tie)) agg.latestTotal = { id: entry.id, occurredAt: entry.occurredAt, total }
  const step = stepOf(entry)
  if (step && newer(step, agg.steps[stepName(entry)], tie)) agg.steps[stepName(entry)] = step
  if (entry.kind === 'maintenance_report') addReport(agg, entry)
  noteServed(agg.snowServed, entry)
}

function addReport(agg: ObjectiveAggregate, entry: Entry): void {
  // `now` only matters while a report is open, and open reports are kept as they are.
  const facts = reportFacts(entry, new Date(0))
  if (facts.open) agg.openReports.push({ id: entry.id, reportedAt: facts.reportedAt })
  else agg.resolvedDays[facts.days] = (agg.resolvedDays[facts.days] ?? 0) + 1
}

/**
 * Leaves reports out of the aggregate they were summed into: a report declined as not the
 * comune's, or a duplicate (counted once, through its original), is no work the comune owed
 * (~/domain/work-orders/counting.ts), so it weighs on neither the count nor the fix share, as on
 * the server. Give only reports the aggregate holds; the "latest" fields are left as they are.
 */
export function leaveOutReports(agg: ObjectiveAggregate, reports: Entry[]): void {
  const open = new Set<string>()
  for (const entry of reports) {
    agg.count--
    agg.amount -= entryQuantity(entry)
    const facts = reportFacts(entry, new Date(0))
    if (facts.open) {
      open.add(entry.id)
      continue
    }
    const left = (agg.resolvedDays[facts.days] ?? 0) - 1
    if (left > 0) agg.resolvedDays[facts.days] = left
    else delete agg.resolvedDays[facts.days]
  }
  if (open.size > 0) agg.openReports = agg.openReports.filter((r) => !open.has(r.id))
}

/** The aggregate of a list of entries (already limited to an objective's kinds and period). */
export function aggregateOf(entries: Entry[]): ObjectiveAggregate {
  const agg = emptyAggregate()
  for (const e of entries) addEntry(agg, e, 'later')
  return agg
}

function pickNewer<T extends LatestOf>(a: T | null | undefined, b: T | null | undefined): T | null {
  if (!a) return b ?? null
  if (!b) return a
  return newer(b, a, 'byId') ? b : a
}

/** Folds `from` into `into` (mutates `into`): months into a period, or stats rows into a figure. */
export function mergeAggregate(into: ObjectiveAggregate, from: ObjectiveAggregate): void {
  into.count += from.count
  into.amount += from.amount
  into.sumQuantity += from.sumQuantity
  into.sumTotal += from.sumTotal
  if (from.lastUpdate !== null && (into.lastUpdate === null || from.lastUpdate > into.lastUpdate)) into.lastUpdate = from.lastUpdate
  into.findings += from.findings
  into.critical += from.critical
  into.latest = pickNewer(into.latest, from.latest)
  into.latestTotal = pickNewer(into.latestTotal, from.latestTotal)
  for (const [name, step] of Object.entries(from.steps)) into.steps[name] = pickNewer(into.steps[name], step) as StepState
  for (const [days, n] of Object.entries(from.resolvedDays)) into.resolvedDays[days] = (into.resolvedDays[days] ?? 0) + n
  into.openReports.push(...from.openReports)
  for (const [key, end] of Object.entries(from.snowServed)) {
    const seen = into.snowServed[key]
    if (seen === undefined || end < seen) into.snowServed[key] = end
  }
}
