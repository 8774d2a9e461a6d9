import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import { supabaseConfig, type SupabaseConfig } from './sync-config'

/**
 * The ONE accessor for the Supabase client. Null means device-only mode
 * (VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY not set): nothing syncs and the
 * outbox simply accumulates.
 *
 * Offline starts: auth-js 2.109 refreshes an expiring token when the client is
 * created; a network failure is an AuthRetryableFetchError and the stored session
 * is kept. What it would drop is a session whose refresh got a non-retryable 4xx
 * answer (a captive portal, a proxy page). So while the browser reports being
 * offline we stop the auto-refresh ticker and start it again on `online`; the app
 * itself never needs the session to open (the remembered user lives in Dexie meta,
 * see features/auth).
 */
export const AUTH_STORAGE_KEY = 'sulcampo-auth'

let client: SupabaseClient | null | undefined

export function createSupabase(config: SupabaseConfig): SupabaseClient {
  return createClient(config.url, config.anonKey, {
    auth: {
      persistSession: true,
      autoRefreshToken: true,
      detectSessionInUrl: false,
      storageKey: AUTH_STORAGE_KEY,
      // localStorage survives restarts and offline starts; it is the browser default made explicit.
      storage: globalThis.localStorage,
    },
  })
}

export function getSupabase(): SupabaseClient | null {
  if (client === undefined) {
    const config = supabaseConfig()
    client = config ? createSupabase(config) : null
    if (client) pauseRefreshWhileOffline(client)
  }
  return client
}

function pauseRefreshWhileOffline(supabase: SupabaseClient, target: Window | undefined = globalThis.window): void {
  if (!target) return
  if (target.navigator?.onLine === false) void supabase.auth.stopAutoRefresh()
  target.addEventListener('offline', () => void supabase.auth.stopAutoRefresh())
  target.addEventListener('online', () => void supabase.auth.startAutoRefresh())
}

/**
 * Signs out on this device, online or not. auth-js 2.109 `signOut({ scope: 'local' })`
 * still calls the server first and, when that fails offline, returns the error and
 * KEEPS the stored session; on a shared tablet that would leave the previous user's
 * session behind. So on failure the stored session is removed by hand.
 */
export async function forgetLocalSession(supabase: SupabaseClient, storage: Storage | undefined = globalThis.localStorage): Promise<void> {
  const { error } = await supabase.auth.signOut({ scope: 'local' })
  if (!error || !storage) return
  for (const suffix of ['', '-user', '-code-verifier']) storage.removeItem(`${AUTH_STORAGE_KEY}${suffix}`)
}
