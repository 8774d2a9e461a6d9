/**
 * Calls one of the admin RPCs that run as the caller (profiles, plans): RLS and the functions'
 * own checks decide, and a refusal comes back as SQLSTATE 42501. The Supabase client is
 * imported on first use, so device-only mode never downloads it.
 */
import * as v from 'valibot'

export const RPC_ERROR_CODES = ['not_configured', 'offline', 'forbidden', 'failed'] as const
export type RpcErrorCode = (typeof RPC_ERROR_CODES)[number]

/** A call that did not get an answer from the function: no server, no network, no right, or a failure. */
export class ServerRpcError extends Error {
  constructor(
    readonly code: RpcErrorCode,
    message: string,
    /** PostgREST's `hint`, which some functions use for a specific refusal (e.g. `last_admin`). */
    readonly hint: string | null = null,
  ) {
    super(message)
    this.name = 'ServerRpcError'
  }
}

export function rpcErrorCode(error: { code?: string; message: string }, online = globalThis.navigator?.onLine !== false): RpcErrorCode {
  if (error.code === '42501') return 'forbidden'
  if (!online || /fetch|network/i.test(error.message)) return 'offline'
  return 'failed'
}

export async function callServerRpc<T>(name: string, args?: object): Promise<T> {
  const { getSupabase } = await import('./supabase-client')
  const client = getSupabase()
  if (!client) throw new ServerRpcError('not_configured', `${name}: this device is not connected to a server`)
  const { data, error } = await client.rpc(name, args)
  if (error) throw new ServerRpcError(rpcErrorCode(error), `${name}: ${error.message}`, error.hint || null)
  return data as T
}

/** An answer of a shape the app does not know is a failure, never a guess at what happened. */
export function readRpcAnswer<TSchema extends v.GenericSchema>(schema: TSchema, name: string, data: unknown): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, data)
  if (!result.success) throw new ServerRpcError('failed', `${name}: unexpected answer ${JSON.stringify(data)}`)
  return result.output
}
