import type { SulCampoDb } from '~/db/database'
import { readCursor, resetCursor } from '~/db/sync-meta'
import { applyPullPage } from '~/db/sync-pull-apply'
import { SyncError } from './sync-error'
import type { SyncTransport } from './transport'

/** Rows per `sync_pull` page: big enough for bulkPut to pay off, small enough for one transaction. */
export const PULL_PAGE_SIZE = 500

export interface PullSummary {
  pages: number
  stored: number
  deleted: number
  skipped: number
}

/**
 * Pages from the saved cursor until the server says there is no more. Each page and
 * its cursor are written together, so an interrupted pull resumes where it stopped.
 * A server that hands back the same cursor with more to come would loop forever:
 * that is a protocol error, not a retry.
 */
export async function pullChanges(db: SulCampoDb, transport: SyncTransport, limit: number = PULL_PAGE_SIZE): Promise<PullSummary> {
  const summary: PullSummary = { pages: 0, stored: 0, deleted: 0, skipped: 0 }
  let cursor = await readCursor(db)
  let restarted = false
  for (;;) {
    let page
    try {
      page = await transport.pull(cursor, limit)
    } catch (error) {
      // A cursor the server no longer accepts (e.g. after a restore): start over once from scratch.
      if (error instanceof SyncError && error.code === 'invalid_cursor' && !restarted && cursor !== null) {
        restarted = true
        cursor = null
        await resetCursor(db)
        continue
      }
      throw error
    }
    if (page.hasMore && page.cursor === (cursor ?? '')) {
      throw new SyncError('protocol', `sync_pull returned the same cursor ${JSON.stringify(cursor)} with more to come`)
    }
    const outcome = await applyPullPage(db, page)
    summary.pages++
    summary.stored += outcome.stored
    summary.deleted += outcome.deleted
    summary.skipped += outcome.skipped
    cursor = page.cursor
    if (!page.hasMore) return summary
  }
}
