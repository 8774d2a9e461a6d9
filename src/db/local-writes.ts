import type { Table } from 'dexie'
import { PULLED_ONLY_ENTITIES, SYNC_ENTITIES, type MutationOp, type PulledEntity, type SyncEntity } from '~/domain/sync-protocol'
import type { OutboxRow, SulCampoDb } from './database'
import { queuedOf } from './outbox-repo'

/** The Dexie table that holds each synced entity on the device. */
export const TABLE_OF: Record<SyncEntity, keyof SulCampoDb & string> = {
  entry: 'entries',
  snow_event: 'snowEvents',
  snow_route: 'snowRoutes',
  programme: 'programmes',
  objective_setting: 'objectiveSettings',
  work_order: 'workOrders',
}

/** Where a pull stores each entity: the synced ones, and the plans, objectives and photo metadata it only caches. */
export const PULLED_TABLE_OF: Record<PulledEntity, keyof SulCampoDb & string> = {
  ...TABLE_OF,
  plan: 'plans',
  objective: 'objectives',
  entry_photo: 'serverPhotos',
}

export function isPulledEntity(entity: string): entity is PulledEntity {
  return Object.hasOwn(PULLED_TABLE_OF, entity)
}

export function isSyncEntity(entity: string): entity is SyncEntity {
  return Object.hasOwn(TABLE_OF, entity)
}

/** Every table the sync engine fills, for transactions that span them all. */
export function syncedTables(db: SulCampoDb): Table[] {
  return SYNC_ENTITIES.map((entity) => db.table(TABLE_OF[entity]))
}

/** The tables of the entities a pull only caches. */
export function pulledOnlyTables(db: SulCampoDb): Table[] {
  return PULLED_ONLY_ENTITIES.map((entity) => db.table(PULLED_TABLE_OF[entity]))
}

interface Versioned {
  id: string
  version: number
}

export interface LocalChange<T extends Versioned> {
  entity: SyncEntity
  op: MutationOp
  /** The row as it should now stand on the device (for delete: the row being deleted). */
  row: T
  /** What the server must apply: the changed fields for update, {} for delete; an insert sends `row` itself. */
  data: Record<string, unknown>
  authorId: string
}

/**
 * The only way the app changes synced data: the row and its outbox mutation are
 * written in one Dexie transaction, so a saved change can never exist without its
 * mutation (or the other way round), whatever happens to the tab afterwards.
 */
export async function writeChange<T extends Versioned>(db: SulCampoDb, change: LocalChange<T>): Promise<OutboxRow> {
  const table = db.table(TABLE_OF[change.entity]) as Table<T, string>
  const mutation: OutboxRow = {
    id: crypto.randomUUID(),
    entity: change.entity,
    op: change.op,
    entityId: change.row.id,
    baseVersion: change.row.version,
    // An insert sends the row as saved, always: a push answer then knows what the device holds.
    data: change.op === 'insert' ? ({ ...change.row } as Record<string, unknown>) : change.data,
    authorId: change.authorId,
    createdAt: new Date().toISOString(),
    state: 'pending',
    attempts: 0,
    lastAttemptAt: null,
    lastError: null,
    rejectCode: null,
  }
  await db.transaction('rw', table, db.outbox, async () => {
    if (change.op === 'delete') await table.delete(change.row.id)
    else await table.put(change.row)
    // Earlier queued changes of the entity learn that a later one follows (see OutboxRow).
    mutation.entityHadQueued = (await queuedOf(db, { entity: change.entity, id: change.row.id }).modify({ laterChangeQueued: true })) > 0
    mutation.laterChangeQueued = false
    await db.outbox.add(mutation)
  })
  return mutation
}
