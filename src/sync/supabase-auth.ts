import { isAuthRetryableFetchError, type SupabaseClient } from '@supabase/supabase-js'
import type { RefreshOutcome, SyncAuth } from './engine'
import { SyncError } from './sync-error'

/** The engine's view of Supabase Auth: who is signed in, and one refresh after a 401. */
export function createSupabaseSyncAuth(client: SupabaseClient): SyncAuth {
  return {
    async currentUserId() {
      const { data, error } = await client.auth.getSession()
      if (data.session) return data.session.user.id
      // An expired token that could not be refreshed for lack of network is not a sign-out.
      if (error && isAuthRetryableFetchError(error)) throw new SyncError('offline', error.message)
      return null
    },
    async refreshSession(): Promise<RefreshOutcome> {
      const { data, error } = await client.auth.refreshSession()
      if (!error && data.session) return 'refreshed'
      return error && isAuthRetryableFetchError(error) ? 'offline' : 'rejected'
    },
  }
}
