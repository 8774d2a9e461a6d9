import type { ConflictRecord } from '~/db/sync-meta'
import { entryHistoryPath } from '~/features/entry-history/history-path'

/**
 * The status bar's notice after the server kept another value over one of the user's changes:
 * the latest such change of theirs not seen yet. Seen means the user followed the notice or
 * opened the sync page, which lists them all (`seenAt`: the newest conflict seen then).
 */
export function unseenConflict(conflicts: readonly ConflictRecord[], userId: string | null, seenAt: string | null): ConflictRecord | null {
  let latest: ConflictRecord | null = null
  for (const conflict of conflicts) {
    if (conflict.authorId !== userId || (seenAt !== null && conflict.at <= seenAt)) continue
    if (!latest || conflict.at > latest.at) latest = conflict
  }
  return latest
}

/** The newest conflict's time, to mark every conflict up to it as seen. */
export function newestConflictAt(conflicts: readonly ConflictRecord[]): string | null {
  return conflicts.reduce<string | null>((newest, c) => (newest === null || c.at > newest ? c.at : newest), null)
}

/** Where its history is: an entry's, or a work order's (an order has its report's id); other data keep none. */
export function conflictHistoryPath(conflict: ConflictRecord): string | null {
  return conflict.entity === 'entry' || conflict.entity === 'work_order' ? entryHistoryPath(conflict.entityId) : null
}
