import type { Table } from 'dexie'
import type { MutationResult } from '~/domain/sync-protocol'
import type { OutboxRow, SulCampoDb } from './database'
import { syncedTables, TABLE_OF } from './local-writes'
import { MAX_CONFLICTS_KEPT, SYNC_META, type ConflictRecord } from './sync-meta'

export interface PushOutcome {
  applied: number
  conflicts: number
  rejected: number
}

type Row = Record<string, unknown> & { id: string }

/**
 * Applies the server's answers for one batch in ONE transaction: either every
 * answer is recorded or none is (a crash in between leaves the batch queued, and
 * the server recognises the same mutation ids when they are sent again).
 */
export async function applyPushResults(db: SulCampoDb, batch: OutboxRow[], results: MutationResult[], now: string): Promise<PushOutcome> {
  const outcome: PushOutcome = { applied: 0, conflicts: 0, rejected: 0 }
  const byId = new Map(batch.map((row) => [row.id, row]))
  await db.transaction('rw', [db.outbox, db.meta, ...syncedTables(db)], async () => {
    const conflicts: ConflictRecord[] = []
    for (const result of results) {
      const sent = byId.get(result.id)
      // Discarded by the user while the batch was in flight: nothing left to update.
      const queued = sent && (await db.outbox.where('id').equals(result.id).first())
      if (!sent || !queued?.seq) continue
      if (result.status === 'rejected') {
        await db.outbox.update(queued.seq, { state: 'rejected', rejectCode: result.code, lastError: result.message, lastAttemptAt: now })
        outcome.rejected++
        continue
      }
      await db.outbox.delete(queued.seq)
      await storeServerRow(db, sent, result.row, result.version)
      if (result.status === 'applied') outcome.applied++
      else {
        conflicts.push(conflictRecord(sent, result.row, now))
        outcome.conflicts++
      }
    }
    if (conflicts.length > 0) await appendConflicts(db, conflicts)
  })
  return outcome
}

/**
 * The server's copy replaces the local one, unless a later local change to the same
 * entity is still queued: then only the version moves on, so that change is not lost.
 */
async function storeServerRow(db: SulCampoDb, sent: OutboxRow, row: Record<string, unknown>, version: number): Promise<void> {
  const table = db.table(TABLE_OF[sent.entity]) as Table<Row, string>
  const stillQueued = await db.outbox.where('entityId').equals(sent.entityId).count()
  if (stillQueued > 0) {
    if (await table.get(sent.entityId)) await table.update(sent.entityId, { version })
    return
  }
  if (sent.op === 'delete' || row.deleted === true) await table.delete(sent.entityId)
  else await table.put({ ...row, id: sent.entityId, version })
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
