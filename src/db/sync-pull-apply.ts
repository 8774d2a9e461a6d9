import type { BulkError, Table } from 'dexie'
import type { PulledChange, PulledEntity, PullPage } from '~/domain/sync-protocol'
import { bulkWrites, type SulCampoDb } from './database'
import { isPulledEntity, isSyncEntity, pulledOnlyTables, PULLED_TABLE_OF, syncedTables } from './local-writes'
import { countQueuedPerEntity, entityKey } from './outbox-repo'
import { SYNC_META } from './sync-meta'

export interface PullPageOutcome {
  stored: number
  deleted: number
  /** Rows left alone because this device still has unsynced work on them. */
  skipped: number
}

/**
 * Writes one page and its cursor in ONE transaction, so after a crash the saved
 * cursor always matches the rows on the device. A row with a queued local
 * mutation (pending or rejected, any author) is never overwritten: the push answer
 * brings the server's copy back for it. Plans, objectives and photo metadata are only ever
 * pulled, so nothing queued can hold them back (an objective's settings share its id).
 */
export async function applyPullPage(appDb: SulCampoDb, page: PullPage): Promise<PullPageOutcome> {
  const outcome: PullPageOutcome = { stored: 0, deleted: 0, skipped: 0 }
  // Relaxed: a page lost with its cursor in a power cut is pulled again (see bulkWrites).
  const db = bulkWrites(appDb)
  await db.transaction('rw', [db.outbox, db.meta, ...pulledOnlyTables(db), ...syncedTables(db)], async () => {
    const synced = (change: PulledChange) => (isSyncEntity(change.entity) ? { entity: change.entity, id: change.id } : null)
    const queued = await countQueuedPerEntity(db, page.changes.flatMap((change) => synced(change) ?? []))
    const puts = new Map<PulledEntity, Record<string, unknown>[]>()
    const deletes = new Map<PulledEntity, string[]>()
    for (const change of page.changes) {
      // An entity this app version does not know yet (a newer server) is skipped, not fatal.
      const ref = synced(change)
      if (!isPulledEntity(change.entity) || (ref && (queued.get(entityKey(ref)) ?? 0) > 0)) {
        outcome.skipped++
      } else if (change.deleted || !change.row) {
        pushTo(deletes, change.entity, change.id)
        outcome.deleted++
      } else {
        pushTo(puts, change.entity, { ...change.row, id: change.id, version: change.version })
        outcome.stored++
      }
    }
    for (const [entity, rows] of puts) await storePulledRows(db.table(PULLED_TABLE_OF[entity]), rows)
    for (const [entity, keys] of deletes) await db.table(PULLED_TABLE_OF[entity]).bulkDelete(keys)
    await db.meta.put({ key: SYNC_META.cursor, value: page.cursor })
  })
  return outcome
}

/**
 * Most pulled rows are new to the device, so they are added: that spares the read of each row's
 * previous copy a put costs (the entry stats middleware must take it out of its month), a third
 * of a pull's device time. Rows the device already holds fail the add as ConstraintError, which
 * does not abort the transaction, and are put; any other failure fails the page.
 */
async function storePulledRows(table: Table<Record<string, unknown>, string>, rows: Record<string, unknown>[]): Promise<void> {
  try {
    await table.bulkAdd(rows)
  } catch (error) {
    // By name, as Dexie's errors are meant to be told apart.
    if (!(error instanceof Error) || error.name !== 'BulkError') throw error
    const failed = Object.entries((error as BulkError).failuresByPos)
    if (failed.some(([, cause]) => cause.name !== 'ConstraintError')) throw error
    await table.bulkPut(failed.map(([position]) => rows[Number(position)]!))
  }
}

function pushTo<T>(map: Map<PulledEntity, T[]>, entity: PulledEntity, item: T): void {
  const list = map.get(entity)
  if (list) list.push(item)
  else map.set(entity, [item])
}
