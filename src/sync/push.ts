import type { OutboxRow, SulCampoDb } from '~/db/database'
import { nextPendingBatch, recordFailedAttempt, toWireMutation } from '~/db/outbox-repo'
import { applyPushResults, type PushOutcome } from '~/db/sync-push-apply'
import { settle, settledNothing, unwrap } from './settled'
import { toSyncError, type SyncError } from './sync-error'
import type { SyncTransport } from './transport'

/** Mutations per `sync_push` call; see docs/sync.md (the sync benchmark) for why this size. */
export const PUSH_BATCH_SIZE = 500

export interface PushOptions {
  batchSize?: number
  now?: () => Date
}

export interface PushSummary extends PushOutcome {
  batches: number
}

/**
 * Sends the signed-in user's pending mutations, oldest first, batch by batch.
 * A failed call changes nothing but the attempt counters and rethrows as SyncError:
 * the next round sends the very same mutation ids, which the server deduplicates,
 * so an answer lost after the server committed never creates a duplicate.
 *
 * The device's work overlaps the server's: while a batch is on the wire the next one is read,
 * and while the next one is on the wire the previous answers are stored. The server still sees
 * one batch at a time, in order (a batch leaves only after the previous one was answered), and
 * answers are stored in order, each batch in its own transaction.
 */
export async function pushOutbox(db: SulCampoDb, transport: SyncTransport, authorId: string, options: PushOptions = {}): Promise<PushSummary> {
  const batchSize = options.batchSize ?? PUSH_BATCH_SIZE
  const now = options.now ?? (() => new Date())
  const summary: PushSummary = { applied: 0, conflicts: 0, rejected: 0, batches: 0 }
  let storing = settledNothing
  let batch = await nextPendingBatch(db, authorId, batchSize)
  while (batch.length > 0) {
    const answer = settle(transport.push(batch.map(toWireMutation)))
    // A short batch was the last one; no need to ask the outbox again.
    const reading = batch.length < batchSize ? settle(Promise.resolve<OutboxRow[]>([])) : settle(nextPendingBatch(db, authorId, batchSize, batch.at(-1)!.seq as number))
    const answered = await answer
    unwrap(await storing)
    if (!answered.ok) throw await failedBatch(db, batch, answered.error, now())
    storing = settle(applyPushResults(db, batch, answered.value, now().toISOString()).then((outcome) => addOutcome(summary, outcome)))
    const next = await reading
    if (!next.ok) unwrap(await storing)
    batch = unwrap(next)
  }
  unwrap(await storing)
  return summary
}

/** Notes the failed attempt on each mutation of the batch and returns the error to throw. */
async function failedBatch(db: SulCampoDb, batch: OutboxRow[], thrown: unknown, at: Date): Promise<SyncError> {
  const error = toSyncError(thrown)
  // An expired session is not the mutations' fault: auth trouble leaves the outbox exactly as it was.
  if (error.code !== 'unauthorized') await recordFailedAttempt(db, batch.map((row) => row.seq as number), error.code, at.toISOString())
  return error
}

function addOutcome(summary: PushSummary, outcome: PushOutcome): void {
  summary.batches++
  summary.applied += outcome.applied
  summary.conflicts += outcome.conflicts
  summary.rejected += outcome.rejected
}
