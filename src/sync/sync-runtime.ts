import { appDatabase } from '~/db/app-database'
import type { OutboxRow } from '~/db/database'
import { writeChange, type LocalChange } from '~/db/local-writes'
import { syncRuntime } from './engine-runtime'
import { isSyncConfigured } from './sync-config'

/**
 * What features call around local writes. It brings supabase-js with the engine, so import it
 * only from lazily loaded code (views, their stores), never from the first screen's modules.
 */
export { syncRuntime }

/** Call right after a successful writeChange(): a sync follows once writes pause (~2 s). */
export function notifyLocalWrite(): void {
  // Device-only mode: nothing to schedule, the outbox just accumulates.
  if (isSyncConfigured()) syncRuntime().scheduler.notifyLocalWrite()
}

/** writeChange() on the app database followed by notifyLocalWrite(): what a feature store usually wants. */
export async function writeAndSync<T extends { id: string; version: number }>(change: LocalChange<T>): Promise<OutboxRow> {
  const mutation = await writeChange(appDatabase(), change)
  notifyLocalWrite()
  return mutation
}
