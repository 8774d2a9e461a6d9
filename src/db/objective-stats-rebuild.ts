import type { EntityTable, Table } from 'dexie'
import type { Entry } from '~/domain/entry'
import type { MetaRow, SulCampoDb } from './database'
import { ROWS_KEY, statsRowsOf, type ObjectiveStatsRow, type StatsKey } from './objective-stats'

/** The stats from scratch, from every entry on the device (schema upgrade; a repair). */
export async function rebuildObjectiveStats(entries: EntityTable<Entry, 'id'>, stats: Table<ObjectiveStatsRow, StatsKey>, meta: EntityTable<MetaRow, 'key'>): Promise<void> {
  const all = await entries.toArray()
  await stats.clear()
  await stats.bulkPut(statsRowsOf(all))
  await meta.put({ key: ROWS_KEY, value: all.length })
}

/**
 * Rebuilds the stats when entries were written around Dexie (their row count is not the one the
 * stats account for). Counting is cheap next to reading the rows; the rebuild happens only then.
 * Returns whether it rebuilt.
 */
export async function ensureObjectiveStats(db: SulCampoDb): Promise<boolean> {
  const [rows, counted] = await Promise.all([db.entries.count(), db.meta.get(ROWS_KEY)])
  if (counted?.value === rows) return false
  await db.transaction('rw', db.entries, db.objectiveStats, db.meta, () => rebuildObjectiveStats(db.entries, db.objectiveStats, db.meta))
  return true
}
