import { SERVER_OWNED_FIELDS, type Mutation, type SyncEntity } from '~/domain/sync-protocol'
import type { OutboxRow, SulCampoDb } from './database'
import { TABLE_OF, syncedTables } from './local-writes'

/** Outbox queries for the sync engine and the "needs attention" list. */

/** The outbox row's fields a mutation is made of. */
export type QueuedMutation = Pick<OutboxRow, 'id' | 'entity' | 'op' | 'entityId' | 'baseVersion' | 'data' | 'authorId' | 'createdAt'>

/** What goes on the wire: the outbox row without local bookkeeping. */
export function toWireMutation(row: QueuedMutation): Mutation {
  const { id, entity, op, entityId, baseVersion, data, authorId, createdAt } = row
  return { id, entity, op, entityId, baseVersion, data: clientFields(data), authorId, createdAt }
}

const SERVER_OWNED: ReadonlySet<string> = new Set(SERVER_OWNED_FIELDS)

/** The data without the fields the server owns: the envelope already says who, which and when. */
function clientFields(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([field]) => !SERVER_OWNED.has(field)))
}

/**
 * The next pending mutations of one author, oldest first, after `afterSeq` (the last one already
 * sent in this round). On a shared tablet the other users' rows stay queued for when they sign in again.
 */
export async function nextPendingBatch(db: SulCampoDb, authorId: string, limit: number, afterSeq = 0): Promise<OutboxRow[]> {
  return db.outbox
    .where('[authorId+state+seq]')
    .between([authorId, 'pending', afterSeq], [authorId, 'pending', Infinity], false, true)
    .limit(limit)
    .toArray()
}

export interface EntityRef {
  entity: SyncEntity
  id: string
}

/** One key per synced record: a report and its work order share an id, not a record. */
export const entityKey = (ref: EntityRef): string => `${ref.entity}:${ref.id}`

/** The outbox rows of one record (the index holds ids only; a record has few rows, if any). */
export function queuedOf(db: SulCampoDb, ref: EntityRef) {
  return db.outbox.where('entityId').equals(ref.id).filter((row) => row.entity === ref.entity)
}

/**
 * How many queued mutations (any state, any author) each record has, by entityKey, for the sync's
 * own transactions. One request per record, issued together: `anyOf` over the index walks a
 * cursor with a round trip per key, which was most of a push's device time.
 */
export async function countQueuedPerEntity(db: SulCampoDb, refs: EntityRef[]): Promise<Map<string, number>> {
  const distinct = [...new Map(refs.map((ref) => [entityKey(ref), ref])).values()]
  if (distinct.length === 0) return new Map()
  // The usual case for a pull (a sync round pushes first): nothing queued, nothing to look up.
  if ((await db.outbox.count()) === 0) return new Map(distinct.map((ref) => [entityKey(ref), 0]))
  const counts = await Promise.all(distinct.map((ref) => queuedOf(db, ref).count()))
  return new Map(distinct.map((ref, i) => [entityKey(ref), counts[i]!]))
}

/** The outbox rows still there with seq from `first` to `last`: one range read, the span of a sent batch. */
export async function queuedBetween(db: SulCampoDb, first: number, last: number): Promise<OutboxRow[]> {
  return db.outbox.where(':id').between(first, last, true, true).toArray()
}

/**
 * Removes outbox rows by seq with one range delete per run of consecutive seqs (no other row can
 * sit inside such a run); a batch is usually a single run, so this is one request, not one per row.
 */
export async function deleteQueued(db: SulCampoDb, seqs: number[]): Promise<void> {
  const sorted = [...seqs].sort((a, b) => a - b)
  let from = 0
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i] === sorted[i - 1]! + 1) continue
    await db.outbox.where(':id').between(sorted[from]!, sorted[i - 1]!, true, true).delete()
    from = i
  }
}

/** Everything of one author not yet on the server (pending and rejected): what signing out leaves behind. */
export async function countUnsynced(db: SulCampoDb, authorId: string): Promise<number> {
  return db.outbox.where('authorId').equals(authorId).count()
}

/** How much is queued on the device, counted on the index (cheap enough to run after every write). */
export async function countQueued(db: SulCampoDb): Promise<{ pending: number; rejected: number }> {
  const [pending, rejected] = await Promise.all([
    db.outbox.where('state').equals('pending').count(),
    db.outbox.where('state').equals('rejected').count(),
  ])
  return { pending, rejected }
}

/** Queued mutations for the status page, oldest first: every rejected one, the first `limit` pending ones. */
export async function listQueued(db: SulCampoDb, limit: number): Promise<OutboxRow[]> {
  const [rejected, pending] = await Promise.all([
    db.outbox.where('state').equals('rejected').sortBy('seq'),
    db.outbox.where('state').equals('pending').limit(limit).sortBy('seq'),
  ])
  return [...rejected, ...pending]
}

/** A failed round leaves the mutations as they were, only noting the attempt; the same ids are sent again. */
export async function recordFailedAttempt(db: SulCampoDb, seqs: number[], error: string, at: string): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const row of await db.outbox.bulkGet(seqs)) {
      if (row?.seq === undefined) continue
      await db.outbox.update(row.seq, { attempts: row.attempts + 1, lastAttemptAt: at, lastError: error })
    }
  })
}

/**
 * "Retry": a rejected mutation goes back in the queue (e.g. after an admin fixed a permission
 * or the user corrected the entry). It gets a fresh id: the server never applied the old one,
 * so nothing can be duplicated, and a server that remembers its answer per id would otherwise
 * repeat the rejection.
 */
export async function requeue(db: SulCampoDb, mutationId: string): Promise<void> {
  await db.outbox
    .where('id')
    .equals(mutationId)
    .modify({ id: crypto.randomUUID(), state: 'pending', rejectCode: null, lastError: null, attempts: 0 })
}

/**
 * "Discard": the user gives up a rejected change. The device copy of a never-synced
 * insert goes with it; for anything else the server's copy must come back, so the
 * caller re-pulls (returns true when that is needed).
 */
export async function discard(db: SulCampoDb, mutationId: string): Promise<{ needsRepull: boolean }> {
  return db.transaction('rw', [db.outbox, ...syncedTables(db)], async () => {
    const row = await db.outbox.where('id').equals(mutationId).first()
    if (!row?.seq) return { needsRepull: false }
    await db.outbox.delete(row.seq)
    const othersForEntity = await queuedOf(db, { entity: row.entity, id: row.entityId }).count()
    if (othersForEntity > 0) return { needsRepull: false }
    if (row.op === 'insert' && row.baseVersion === 0) {
      await db.table(TABLE_OF[row.entity]).delete(row.entityId)
      return { needsRepull: false }
    }
    return { needsRepull: true }
  })
}
