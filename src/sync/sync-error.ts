/**
 * Why a sync round failed, as a stable code the UI translates (sync-status messages)
 * and the scheduler acts on: `unauthorized` asks for a session refresh, everything
 * else is retried later with backoff, and nothing in the outbox changes meanwhile.
 */
export const SYNC_ERROR_CODES = [
  'offline',
  'timeout',
  'unauthorized',
  'server',
  'rejected_batch',
  'invalid_cursor',
  'protocol',
  'unknown',
] as const
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number]

/**
 * Failures after which the next call of a round would fail the same way: the steps that follow
 * the push (photos up and down, reporters' contacts) stop there and leave the rest to the next round.
 */
export const FAILS_NEXT_CALL_TOO: ReadonlySet<SyncErrorCode> = new Set(['offline', 'timeout', 'unauthorized', 'server'])

export class SyncError extends Error {
  override readonly name = 'SyncError'
  constructor(
    readonly code: SyncErrorCode,
    message: string = code,
    readonly status: number | null = null,
  ) {
    super(message)
  }
}

export function isSyncError(error: unknown): error is SyncError {
  return error instanceof SyncError
}

/** The shape PostgREST/supabase-js errors come in (PostgrestError plus the HTTP status). */
export interface RpcFailure {
  message?: string
  code?: string
  status?: number
  name?: string
}

const JWT_CODES = new Set(['PGRST301', 'PGRST302', 'PGRST303'])

/** Maps what `supabase.rpc` reported (or threw) to a SyncError. */
export function toSyncError(failure: RpcFailure | unknown, timedOut = false): SyncError {
  if (isSyncError(failure)) return failure
  if (timedOut) return new SyncError('timeout', 'The server did not answer in time')
  const f = (failure ?? {}) as RpcFailure
  const message = f.message ?? String(failure)
  const status = typeof f.status === 'number' && f.status > 0 ? f.status : null
  if (f.name === 'AbortError' || /abort/i.test(message)) return new SyncError('timeout', message, status)
  if (status === 401 || (f.code && JWT_CODES.has(f.code)) || /jwt expired/i.test(message)) {
    return new SyncError('unauthorized', message, status ?? 401)
  }
  if (/invalid_cursor/.test(message)) return new SyncError('invalid_cursor', message, status)
  if (status !== null && status >= 500) return new SyncError('server', message, status)
  if (status !== null && status >= 400) return new SyncError('rejected_batch', message, status)
  if (status === null && isNetworkFailure(message)) return new SyncError('offline', message)
  return new SyncError('unknown', message, status)
}

/** fetch() rejects with a TypeError whose text differs per browser; supabase-js wraps it. */
function isNetworkFailure(message: string): boolean {
  return /failed to fetch|fetch failed|networkerror|network request failed|load failed|econnrefused|econnreset|socket hang up|other side closed/i.test(
    message,
  )
}
