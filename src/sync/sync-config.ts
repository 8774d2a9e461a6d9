/**
 * Whether this build syncs at all, read from the environment without loading supabase-js:
 * device-only installs never download the client (the shell loads sync code lazily).
 */
export interface SupabaseConfig {
  url: string
  anonKey: string
}

export function supabaseConfig(env: ImportMetaEnv = import.meta.env): SupabaseConfig | null {
  const url = env.VITE_SUPABASE_URL?.trim()
  const anonKey = env.VITE_SUPABASE_ANON_KEY?.trim()
  return url && anonKey ? { url, anonKey } : null
}

/** False in device-only mode: nothing syncs and the outbox simply accumulates. */
export function isSyncConfigured(): boolean {
  return supabaseConfig() !== null
}
