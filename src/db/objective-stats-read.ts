import type { Entry } from '~/domain/entry'
import type { Objective } from '~/domain/objective'
import { addEntry, emptyAggregate, mergeAggregate, type ObjectiveAggregate } from '~/domain/progress/aggregate'
import { romeMonthBounds } from '~/domain/progress/rome-calendar'
import type { SulCampoDb } from './database'

/** The [start, end) an objective's figure is measured over (its measuredPeriod). */
export interface StatsWindow {
  start: number
  end: number
  startIso: string
  endIso: string
}

const isoMax = (a: string, b: string) => (a > b ? a : b)
const isoMin = (a: string, b: string) => (a < b ? a : b)

/**
 * The aggregate behind one objective's figure: the months wholly inside its window come from the
 * stats; a month the window cuts (a deadline mid-month) is read entry by entry, on the index.
 * Call inside a transaction over objectiveStats and entries, so both are of the same moment.
 */
export async function readObjectiveAggregate(db: SulCampoDb, objective: Objective, window: StatsWindow): Promise<ObjectiveAggregate> {
  const kinds: readonly string[] = objective.indicator.entryKinds
  const counted = (kind: string) => kinds.length === 0 || kinds.includes(kind)
  const aggregate = emptyAggregate()
  const cut = new Set<string>()
  for (const row of await db.objectiveStats.where('objectiveId').equals(objective.id).toArray()) {
    if (!counted(row.kind)) continue
    const month = romeMonthBounds(row.month)
    if (month.start >= window.start && month.end <= window.end) mergeAggregate(aggregate, row)
    else if (month.start < window.end && month.end > window.start) cut.add(row.month)
  }
  for (const month of cut) {
    const bounds = romeMonthBounds(month)
    const from = isoMax(window.startIso, new Date(bounds.start).toISOString())
    const to = isoMin(window.endIso, new Date(bounds.end).toISOString())
    const rows: Entry[] = await db.entries.where('[objectiveId+occurredAt]').between([objective.id, from], [objective.id, to], true, false).toArray()
    for (const e of rows) if (!e.deleted && counted(e.kind)) addEntry(aggregate, e, 'byId')
  }
  return aggregate
}
