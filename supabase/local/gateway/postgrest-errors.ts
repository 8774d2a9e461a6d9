import type { ServerResponse } from 'node:http'
import { sendJson } from './http'

/** PostgREST's error body: PostgreSQL's MESSAGE, DETAIL, HINT and SQLSTATE (or a PGRST code). */
export interface PostgrestErrorBody {
  code: string
  message: string
  details: string | null
  hint: string | null
}

const BY_PREFIX: [RegExp, number][] = [
  [/^(08|PGRST00)/, 503],
  [/^(0L|0P|28)/, 403],
  [/^(23503|23505)$/, 409],
  [/^25006$/, 405],
  [/^53400$/, 500],
  [/^53/, 503],
  [/^(09|25|2D|38|39|3B|40|54|55|57|58|F0|HV|XX)/, 500],
  [/^P0001$/, 400],
  [/^P0/, 500],
  [/^(42883|42P01)$/, 404],
  [/^42P17$/, 500],
]

/**
 * PostgREST's SQLSTATE → HTTP status table (docs.postgrest.org, "Errors"). 42501
 * (insufficient privilege) is 401 for an anonymous request and 403 for a signed-in one;
 * `PTnnn` lets a function choose status nnn; everything else is a 400.
 */
export function statusForSqlState(code: string, anonymous: boolean): number {
  if (code === '42501') return anonymous ? 401 : 403
  const custom = /^PT(\d{3})$/.exec(code)
  if (custom) return Number(custom[1])
  return BY_PREFIX.find(([pattern]) => pattern.test(code))?.[1] ?? 400
}

export function sendPostgrestError(res: ServerResponse, status: number, body: PostgrestErrorBody, headers: Record<string, string> = {}): void {
  sendJson(res, status, body, headers)
}

/** A rejected JWT: 401 with the WWW-Authenticate header PostgREST sends (RFC 6750). */
export function sendJwtError(res: ServerResponse, code: 'PGRST301' | 'PGRST303', message: string): void {
  sendPostgrestError(res, 401, { code, message, details: null, hint: null }, {
    'www-authenticate': `Bearer error="invalid_token", error_description="${message}"`,
  })
}

/** Errors a database driver raises carry the server's fields; anything else is the gateway's own fault. */
export function fromDatabaseError(error: unknown): PostgrestErrorBody {
  const e = error as { code?: unknown; message?: unknown; detail?: unknown; hint?: unknown }
  if (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
    return {
      code: e.code,
      message: String(e.message ?? ''),
      details: typeof e.detail === 'string' ? e.detail : null,
      hint: typeof e.hint === 'string' ? e.hint : null,
    }
  }
  if (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code)) {
    // A socket error (ECONNREFUSED, ECONNRESET): the database is unreachable, a 503 as PostgREST answers.
    return { code: 'PGRST001', message: 'Database client error. Retrying the connection.', details: e.code, hint: null }
  }
  return { code: 'XX000', message: 'Internal error in the local gateway', details: null, hint: null }
}
