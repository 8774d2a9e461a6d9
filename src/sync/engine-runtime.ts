import { appDatabase } from '~/db/app-database'
import { createSyncEngine, type SyncEngine } from './engine'
import { closeOnVersionChange } from './new-version'
import { createSyncScheduler, type SyncScheduler } from './scheduler'
import { createSupabaseSyncAuth } from './supabase-auth'
import { getSupabase } from './supabase-client'
import { createSupabaseTransport } from './transport'

/**
 * The app's single engine and scheduler, wired to the app database and Supabase.
 * Loaded lazily (it brings supabase-js); features use `~/sync/sync-runtime` instead.
 */
interface SyncRuntime {
  engine: SyncEngine
  scheduler: SyncScheduler
}

let runtime: SyncRuntime | undefined

export function syncRuntime(): SyncRuntime {
  if (!runtime) {
    const db = appDatabase()
    closeOnVersionChange(db)
    const supabase = getSupabase()
    const engine = createSyncEngine({
      db,
      transport: supabase ? createSupabaseTransport(supabase) : null,
      auth: supabase ? createSupabaseSyncAuth(supabase) : { currentUserId: async () => null, refreshSession: async () => 'rejected' },
    })
    runtime = { engine, scheduler: createSyncScheduler({ engine }) }
  }
  return runtime
}

/** Called once by the app at start (the sync-status store does it): loads status, listens for triggers. */
export async function startSync(): Promise<void> {
  const { engine, scheduler } = syncRuntime()
  await engine.load()
  // Device-only mode: nothing to schedule, the outbox just accumulates.
  if (getSupabase()) scheduler.start()
}
