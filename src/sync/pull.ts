import type { SulCampoDb } from '~/db/database'
import { readCursor, resetCursor } from '~/db/sync-meta'
import { applyPullPage, type PullPageOutcome } from '~/db/sync-pull-apply'
import { settle, settledNothing, unwrap } from './settled'
import { SyncError } from './sync-error'
import type { SyncTransport } from './transport'

/** Rows per `sync_pull` page, the server's cap: fewer, larger transactions pulled fastest (docs/sync.md, bench:sync). */
export const PULL_PAGE_SIZE = 2000

export interface PullSummary {
  pages: number
  stored: number
  deleted: number
  skipped: number
}

/**
 * Pages from the saved cursor until the server says there is no more. Each page and
 * its cursor are written together, so an interrupted pull resumes where it stopped.
 * While a page is written, the next one is already being fetched (pages are still
 * written in order, one transaction each).
 * A server that hands back the same cursor with more to come would loop forever:
 * that is a protocol error, not a retry.
 */
export async function pullChanges(db: SulCampoDb, transport: SyncTransport, limit: number = PULL_PAGE_SIZE): Promise<PullSummary> {
  const summary: PullSummary = { pages: 0, stored: 0, deleted: 0, skipped: 0 }
  let cursor = await readCursor(db)
  let restarted = false
  let storing = settledNothing
  let fetching = settle(transport.pull(cursor, limit))
  for (;;) {
    const fetched = await fetching
    if (!fetched.ok) {
      unwrap(await storing)
      // A cursor the server no longer accepts (e.g. after a restore): start over once from scratch.
      if (isInvalidCursor(fetched.error) && !restarted && cursor !== null) {
        restarted = true
        cursor = null
        await resetCursor(db)
        fetching = settle(transport.pull(cursor, limit))
        continue
      }
      throw fetched.error
    }
    const page = fetched.value
    if (page.hasMore && page.cursor === (cursor ?? '')) {
      unwrap(await storing)
      throw new SyncError('protocol', `sync_pull returned the same cursor ${JSON.stringify(cursor)} with more to come`)
    }
    if (page.hasMore) fetching = settle(transport.pull(page.cursor, limit))
    unwrap(await storing)
    storing = settle(applyPullPage(db, page).then((outcome) => addOutcome(summary, outcome)))
    cursor = page.cursor
    if (!page.hasMore) {
      unwrap(await storing)
      return summary
    }
  }
}

const isInvalidCursor = (error: unknown) => error instanceof SyncError && error.code === 'invalid_cursor'

function addOutcome(summary: PullSummary, outcome: PullPageOutcome): void {
  summary.pages++
  summary.stored += outcome.stored
  summary.deleted += outcome.deleted
  summary.skipped += outcome.skipped
}
