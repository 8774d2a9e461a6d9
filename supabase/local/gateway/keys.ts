import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SignJWT, errors, jwtVerify, type JWTPayload } from 'jose'

/**
 * The project's JWT secret, like a hosted project's: made once per cluster and
 * kept in its folder, so tokens and the anon key stay valid across restarts.
 */
export async function loadOrCreateJwtSecret(clusterDir: string): Promise<string> {
  const file = join(clusterDir, 'jwt-secret')
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim()
  const secret = randomBytes(48).toString('base64url')
  await writeFile(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

// Fixed timestamps make the API keys a pure function of the secret, as on hosted Supabase.
const KEY_ISSUED_AT = 1_767_225_600 // 2026-01-01
const KEY_EXPIRES_AT = 4_102_444_800 // 2100-01-01

/** The `anon` (public) or `service_role` API key: a long-lived JWT carrying only the role. */
export function apiKey(secret: string, role: 'anon' | 'service_role'): Promise<string> {
  return sign(secret, { iss: 'supabase', role, iat: KEY_ISSUED_AT, exp: KEY_EXPIRES_AT })
}

export function sign(secret: string, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret))
}

export type Claims = JWTPayload & Record<string, unknown>

export type Verified = { ok: true; claims: Claims } | { ok: false; reason: 'expired' | 'invalid' | 'malformed' }

/** Verifies an HS256 token at the gateway's notion of "now" (tests move that clock instead of sleeping). */
export async function verify(secret: string, token: string, nowMs: number): Promise<Verified> {
  if (token.split('.').length !== 3) return { ok: false, reason: 'malformed' }
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      currentDate: new Date(nowMs),
    })
    return { ok: true, claims: payload }
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' }
  }
}
