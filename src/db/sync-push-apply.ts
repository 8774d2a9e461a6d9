import type { Table } from 'dexie'
import type { Entry } from '~/domain/entry'
import type { MutationResult } from '~/domain/sync-protocol'
import type { OutboxRow, SulCampoDb } from './database'
import { syncedTables, TABLE_OF } from './local-writes'
import { STORED_BEFORE } from './objective-stats-middleware'
import { countQueuedPerEntity, deleteQueued, entityKey, queuedBetween } from './outbox-repo'
import { MAX_CONFLICTS_KEPT, SYNC_META, type ConflictRecord } from './sync-meta'

export interface PushOutcome {
  applied: number
  conflicts: number
  rejected: number
}

type Row = Record<string, unknown> & { id: string }
type AppliedOrConflict = Exclude<MutationResult, { status: 'rejected' }>

/** What one batch's answers do to a synced table, gathered so each kind of write is one bulk call. */
interface TableWrites {
  versions: { key: string; changes: Record<string, unknown> & { version: number } }[]
  deletes: string[]
  puts: Row[]
}

/**
 * Applies the server's answers for one batch in ONE transaction: either every
 * answer is recorded or none is (a crash in between leaves the batch queued, and
 * the server recognises the same mutation ids when they are sent again).
 * The outbox is read for the whole batch at once and written with bulk calls: per-answer
 * reads and writes (and the entry stats middleware on each) were most of a push's device time.
 */
export async function applyPushResults(db: SulCampoDb, batch: OutboxRow[], results: MutationResult[], now: string): Promise<PushOutcome> {
  const outcome: PushOutcome = { applied: 0, conflicts: 0, rejected: 0 }
  if (batch.length === 0) return outcome
  const byId = new Map(batch.map((row) => [row.id, row]))
  await db.transaction('rw', [db.outbox, db.meta, ...syncedTables(db)], async () => {
    const answered = results.filter((result) => byId.has(result.id))
    const seqs = batch.map((row) => row.seq as number)
    // A mutation discarded by the user while the batch was in flight is no longer queued: nothing left to update.
    const stillThere = await queuedBetween(db, Math.min(...seqs), Math.max(...seqs))
    const queued = new Map(stillThere.filter((row) => byId.has(row.id)).map((row) => [row.id, row]))
    const queuedPerEntity = await queuedPerSentEntity(db, [...queued.values()])
    const conflicts: ConflictRecord[] = []
    const done: number[] = []
    const rejected: { key: number; changes: Partial<OutboxRow> }[] = []
    const writes = new Map<string, TableWrites>()
    for (const result of answered) {
      const sent = byId.get(result.id) as OutboxRow
      const current = queued.get(result.id)
      const seq = current?.seq
      if (!current || !seq) continue
      queued.delete(result.id)
      if (result.status === 'rejected') {
        rejected.push({ key: seq, changes: { state: 'rejected', rejectCode: result.code, lastError: result.message, lastAttemptAt: now } })
        outcome.rejected++
        continue
      }
      done.push(seq)
      const key = keyOf(sent)
      const stillQueued = (queuedPerEntity.get(key) ?? 1) - 1
      queuedPerEntity.set(key, stillQueued)
      // The entity's only queued change, a new row: the device still holds exactly what it sent.
      const storedNow = current.op === 'insert' && isAlone(current) ? (current.data as unknown as Entry) : undefined
      planServerRow(writesOf(writes, TABLE_OF[sent.entity]), sent, result, stillQueued > 0, storedNow)
      if (result.status === 'applied') outcome.applied++
      else {
        conflicts.push(conflictRecord(sent, result.row, now))
        outcome.conflicts++
      }
    }
    if (rejected.length > 0) await db.outbox.bulkUpdate(rejected)
    await deleteQueued(db, done)
    for (const [name, planned] of writes) await storeServerRows(db.table(name) as Table<Row, string>, planned)
    if (conflicts.length > 0) await appendConflicts(db, conflicts)
  })
  return outcome
}

const keyOf = (row: OutboxRow) => entityKey({ entity: row.entity, id: row.entityId })

/** The entity's only queued change, by the OutboxRow flags as they stand now. */
const isAlone = (row: OutboxRow) => row.entityHadQueued === false && row.laterChangeQueued === false

/**
 * How many queued mutations each sent entity has. An entity whose sent mutation is its only one
 * needs no lookup: the common case of new entries.
 */
async function queuedPerSentEntity(db: SulCampoDb, sent: OutboxRow[]): Promise<Map<string, number>> {
  const counted = await countQueuedPerEntity(db, sent.filter((row) => !isAlone(row)).map((row) => ({ entity: row.entity, id: row.entityId })))
  for (const row of sent) if (!counted.has(keyOf(row))) counted.set(keyOf(row), 1)
  return counted
}

function writesOf(writes: Map<string, TableWrites>, table: string): TableWrites {
  const planned = writes.get(table) ?? { versions: [], deletes: [], puts: [] }
  writes.set(table, planned)
  return planned
}

/**
 * The server's copy replaces the local one, unless a later local change to the same
 * entity is still queued: then only the version moves on, so that change is not lost.
 * A partial answer (a new row) is the device's own row with the server's fields on top.
 */
function planServerRow(planned: TableWrites, sent: OutboxRow, answer: AppliedOrConflict, stillQueued: boolean, storedNow?: Entry): void {
  const { version } = answer
  const partial = answer.status === 'applied' && answer.partial === true
  if (stillQueued) planned.versions.push({ key: sent.entityId, changes: { version } })
  else if (partial && !storedNow) planned.versions.push({ key: sent.entityId, changes: { ...answer.row, version } })
  else {
    const row = partial ? { ...storedNow, ...answer.row } : answer.row
    if (sent.op === 'delete' || row.deleted === true) planned.deletes.push(sent.entityId)
    else planned.puts.push({ ...row, id: sent.entityId, version, ...(storedNow && { [STORED_BEFORE]: storedNow }) })
  }
}

/**
 * In the order the answers came: an entity's version-only updates all precede its final put or
 * delete (once nothing of it is queued, no later answer of the batch is about it).
 */
async function storeServerRows(table: Table<Row, string>, planned: TableWrites): Promise<void> {
  // bulkUpdate skips keys that are not stored, as the one-by-one update did.
  if (planned.versions.length > 0) await table.bulkUpdate(planned.versions)
  if (planned.deletes.length > 0) await table.bulkDelete(planned.deletes)
  if (planned.puts.length > 0) await table.bulkPut(planned.puts)
}

function conflictRecord(sent: OutboxRow, serverRow: Record<string, unknown>, at: string): ConflictRecord {
  const lost: Record<string, unknown> = {}
  const kept: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(sent.data)) {
    if (JSON.stringify(serverRow[field]) === JSON.stringify(value)) continue
    lost[field] = value
    kept[field] = serverRow[field] ?? null
  }
  const keptBy = (serverRow.updatedBy ?? serverRow.authorId ?? null) as string | null
  return { mutationId: sent.id, entity: sent.entity, entityId: sent.entityId, lost, kept, keptBy, authorId: sent.authorId, at }
}

async function appendConflicts(db: SulCampoDb, fresh: ConflictRecord[]): Promise<void> {
  const existing = ((await db.meta.get(SYNC_META.conflicts))?.value as ConflictRecord[] | undefined) ?? []
  const value = [...existing, ...fresh].slice(-MAX_CONFLICTS_KEPT)
  await db.meta.put({ key: SYNC_META.conflicts, value: JSON.parse(JSON.stringify(value)) as unknown })
}
