import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import pg from 'pg'
import { inject } from 'vitest'
import { DEMO_PASSWORD } from '../../supabase/local/describe-stack'

/** The demo accounts of supabase/local/demo-data.sql, by what they do. */
export const DEMO = {
  officer: { id: '5c000000-0000-4000-8000-000000000001', email: 'agente@sulcampo.test', role: 'officer', area: 'polizia_locale' },
  secondOfficer: { id: '5c000000-0000-4000-8000-000000000002', email: 'agente2@sulcampo.test', role: 'officer', area: 'polizia_locale' },
  policeManager: { id: '5c000000-0000-4000-8000-000000000003', email: 'comandante@sulcampo.test', role: 'manager', area: 'polizia_locale' },
  worker: { id: '5c000000-0000-4000-8000-000000000004', email: 'operaio@sulcampo.test', role: 'worker', area: 'territorio' },
  territoryManager: { id: '5c000000-0000-4000-8000-000000000005', email: 'tecnico@sulcampo.test', role: 'manager', area: 'territorio' },
  admin: { id: '5c000000-0000-4000-8000-000000000006', email: 'admin@sulcampo.test', role: 'admin', area: null },
} as const

export type DemoAccount = (typeof DEMO)[keyof typeof DEMO]

/**
 * Node 20 has no global WebSocket and supabase-js builds its realtime client eagerly;
 * SulCampo never opens a realtime channel, so a transport that refuses to connect is enough.
 */
class NoRealtimeTransport {
  constructor() {
    throw new Error('SulCampo does not use Supabase Realtime')
  }
}

/** The real supabase-js client against the local gateway, as the app creates it (no storage in node). */
export function anonClient(url = inject('supabaseUrl'), anonKey = inject('anonKey')): SupabaseClient {
  return createClient(url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: NoRealtimeTransport as never },
  })
}

/** `anonKey` only outside vitest (the soak's own stack), where inject() has nothing to give. */
export async function signedInClient(account: DemoAccount, url?: string, anonKey?: string): Promise<SupabaseClient> {
  const client = anonClient(url, anonKey)
  const { error } = await client.auth.signInWithPassword({ email: account.email, password: DEMO_PASSWORD })
  if (error) throw error
  return client
}

/** Runs SQL as the superuser of the throwaway cluster (test factories, checks RLS cannot do). */
export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
