import type { SulCampoDb } from '~/db/database'
import { nextPendingBatch, recordFailedAttempt, toWireMutation } from '~/db/outbox-repo'
import { applyPushResults, type PushOutcome } from '~/db/sync-push-apply'
import { toSyncError } from './sync-error'
import type { SyncTransport } from './transport'

/** Mutations per `sync_push` call; see the README's sync benchmark for why this size. */
export const PUSH_BATCH_SIZE = 200

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
 */
export async function pushOutbox(db: SulCampoDb, transport: SyncTransport, authorId: string, options: PushOptions = {}): Promise<PushSummary> {
  const batchSize = options.batchSize ?? PUSH_BATCH_SIZE
  const now = options.now ?? (() => new Date())
  const summary: PushSummary = { applied: 0, conflicts: 0, rejected: 0, batches: 0 }
  for (;;) {
    const batch = await nextPendingBatch(db, authorId, batchSize)
    if (batch.length === 0) return summary
    let results
    try {
      results = await transport.push(batch.map(toWireMutation))
    } catch (thrown) {
      const error = toSyncError(thrown)
      // An expired session is not the mutations' fault: auth trouble leaves the outbox exactly as it was.
      if (error.code !== 'unauthorized') await recordFailedAttempt(db, batch.map((row) => row.seq as number), error.code, now().toISOString())
      throw error
    }
    const outcome = await applyPushResults(db, batch, results, now().toISOString())
    summary.batches++
    summary.applied += outcome.applied
    summary.conflicts += outcome.conflicts
    summary.rejected += outcome.rejected
    // A short batch was the last one; no need to ask the outbox again.
    if (batch.length < batchSize) return summary
  }
}
