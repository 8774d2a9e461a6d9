import type { IncomingMessage, ServerResponse } from 'node:http'
import { headerValue, sendJson } from './http'

/** GoTrue's error codes the gateway can answer with (a subset of supabase/auth's ErrorCode). */
export type GoTrueErrorCode =
  | 'invalid_credentials'
  | 'validation_failed'
  | 'bad_json'
  | 'refresh_token_not_found'
  | 'refresh_token_already_used'
  | 'session_expired'
  | 'unsupported_grant_type'
  | 'no_authorization'
  | 'bad_jwt'
  | 'session_not_found'
  | 'user_not_found'
  | 'not_found'

const API_VERSION_HEADER = 'x-supabase-api-version'
const API_VERSION_2024 = '2024-01-01'

/**
 * Answers a GoTrue error. Like GoTrue, a client that asks for API version
 * 2024-01-01 or later (supabase-js does, in the X-Supabase-Api-Version header) gets
 * `{code: "<error_code>", message}` and the version echoed back; older clients get the
 * legacy `{code: <status>, error_code, msg}`. supabase-js reads either into an
 * AuthApiError with `.code` and `.status`.
 */
export function sendGoTrueError(req: IncomingMessage, res: ServerResponse, status: number, code: GoTrueErrorCode, message: string, headers: Record<string, string> = {}): void {
  const requested = headerValue(req, API_VERSION_HEADER)
  if (requested && /^\d{4}-\d{2}-\d{2}$/.test(requested) && requested >= API_VERSION_2024) {
    sendJson(res, status, { code, message }, { ...headers, [API_VERSION_HEADER]: API_VERSION_2024 })
  } else {
    sendJson(res, status, { code: status, error_code: code, msg: message }, headers)
  }
}
