import { appDatabase } from '~/db/app-database'
import type { OutboxRow } from '~/db/database'
import { writeChange, type LocalChange } from '~/db/local-writes'
import { isSyncConfigured } from './sync-config'

// Kept for src/features/dashboard/use-freshness.ts; importing it from './engine-runtime' instead
// would let this module stay free of supabase-js (see the lazy import below).
export { syncRuntime } from './engine-runtime'

/**
 * What features call after a local write. Light on purpose: the engine (and supabase-js)
 * loads only in synced mode, on first use; in device-only mode the outbox just accumulates.
 */

/** Call right after a successful writeChange(): a sync follows once writes pause (~2 s). */
export function notifyLocalWrite(): void {
  if (!isSyncConfigured()) return
  void import('./engine-runtime').then(({ syncRuntime }) => syncRuntime().scheduler.notifyLocalWrite())
}

/** writeChange() on the app database followed by notifyLocalWrite(): what a feature store usually wants. */
export async function writeAndSync<T extends { id: string; version: number }>(change: LocalChange<T>): Promise<OutboxRow> {
  const mutation = await writeChange(appDatabase(), change)
  notifyLocalWrite()
  return mutation
}
