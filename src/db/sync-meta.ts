import type { SyncEntity } from '~/domain/sync-protocol'
import type { SulCampoDb } from './database'
import { readMeta } from './meta-repo'

/** Sync bookkeeping kept in the `meta` table. */
export const SYNC_META = {
  cursor: 'sync:cursor',
  lastSuccessAt: 'sync:last-success-at',
  conflicts: 'sync:conflicts',
  /** The newest conflict the user has seen (ConflictRecord.at): older ones no longer raise the bar's notice. */
  conflictsSeenAt: 'sync:conflicts-seen-at',
} as const

/** A local value the server's rule overrode, kept so the user sees it was not lost. */
export interface ConflictRecord {
  mutationId: string
  entity: SyncEntity
  entityId: string
  /** The fields as this device had set them. */
  lost: Record<string, unknown>
  /** The same fields as the server kept them. */
  kept: Record<string, unknown>
  /** Who made the winning change, when the server row says (`updatedBy` or `authorId`). */
  keptBy: string | null
  authorId: string
  at: string
}

/** Enough to explain recent conflicts without growing forever. */
export const MAX_CONFLICTS_KEPT = 200

export async function readCursor(db: SulCampoDb): Promise<string | null> {
  return (await readMeta<string>(db, SYNC_META.cursor)) ?? null
}

export async function readLastSuccessAt(db: SulCampoDb): Promise<string | null> {
  return (await readMeta<string>(db, SYNC_META.lastSuccessAt)) ?? null
}

export async function readConflicts(db: SulCampoDb): Promise<ConflictRecord[]> {
  return (await readMeta<ConflictRecord[]>(db, SYNC_META.conflicts)) ?? []
}

export async function readConflictsSeenAt(db: SulCampoDb): Promise<string | null> {
  return (await readMeta<string>(db, SYNC_META.conflictsSeenAt)) ?? null
}

/** Forget the pull position so the next pull re-reads every row the user can see. */
export async function resetCursor(db: SulCampoDb): Promise<void> {
  await db.meta.delete(SYNC_META.cursor)
}
