import { readRpcAnswer } from '../../src/sync/server-rpc'
import { SnapshotSchema, type PublishedSnapshot } from '../../src/features/transparency/snapshot'
import * as v from 'valibot'

/**
 * What the app's server reads from the backend to answer without a browser: the public readers
 * anon may call anyway (docs/transparency.md). Each throws when the backend cannot say.
 */
export interface PublicReaders {
  /** The origins that may frame the embed view. */
  embedOrigins(): Promise<readonly string[]>
  /** One published snapshot by id, null when there is none. */
  snapshot(id: string): Promise<PublishedSnapshot | null>
}

/** The readers through the backend's gateway with the anon key; a slow backend is a failure. */
export function backendPublicReaders(supabaseUrl: string, anonKey: string, timeoutMs = 2000): PublicReaders {
  async function rpc(name: string, args: object): Promise<unknown> {
    const response = await fetch(`${supabaseUrl}/rest/v1/rpc/${name}`, {
      method: 'POST',
      headers: { apikey: anonKey, authorization: `Bearer ${anonKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(args),
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (!response.ok) throw new Error(`${name} answered ${response.status}`)
    return response.json()
  }
  return {
    embedOrigins: async () => readRpcAnswer(v.array(v.string()), 'embed_origins', await rpc('embed_origins', {})),
    snapshot: async (id) => readRpcAnswer(v.nullable(SnapshotSchema), 'published_snapshot', await rpc('published_snapshot', { snapshot_id: id })),
  }
}
