import { randomBytes, randomUUID } from 'node:crypto'
import type { Pool, PoolClient } from 'pg'

/** The columns of auth.users the gateway reads, as GoTrue names them. */
export interface AuthUser {
  id: string
  aud: string | null
  role: string | null
  email: string
  phone: string | null
  email_confirmed_at: Date | null
  last_sign_in_at: Date | null
  raw_app_meta_data: Record<string, unknown> | null
  raw_user_meta_data: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
  is_anonymous: boolean | null
}

const USER_COLUMNS = `id, aud, role, email, phone, email_confirmed_at, last_sign_in_at, raw_app_meta_data,
  raw_user_meta_data, created_at, updated_at, is_anonymous`

/** The password is checked in SQL with pgcrypto's crypt() against the bcrypt hash, as GoTrue's hashes are. */
export async function signInWithPassword(pool: Pool, email: string, password: string): Promise<AuthUser | undefined> {
  const { rows } = await pool.query<AuthUser>(
    `update auth.users set last_sign_in_at = now()
      where lower(email) = lower($1) and encrypted_password is not null
        and encrypted_password = extensions.crypt($2, encrypted_password)
      returning ${USER_COLUMNS}`,
    [email, password],
  )
  return rows[0]
}

export async function findUser(pool: Pool, id: string): Promise<AuthUser | undefined> {
  const { rows } = await pool.query<AuthUser>(`select ${USER_COLUMNS} from auth.users where id = $1`, [id])
  return rows[0]
}

export interface IssuedRefresh {
  sessionId: string
  refreshToken: string
}

function newRefreshToken(): string {
  return randomBytes(16).toString('base64url')
}

/** `now` is the gateway's clock: a session's age is measured on the clock that refreshes it. */
export async function createSession(pool: Pool, userId: string, now: number): Promise<IssuedRefresh> {
  const refresh = { sessionId: randomUUID(), refreshToken: newRefreshToken() }
  await pool.query(
    `insert into auth.refresh_tokens (token, user_id, revoked, session_id, created_at) values ($1, $2, false, $3, to_timestamp($4 / 1000.0))`,
    [refresh.refreshToken, userId, refresh.sessionId, now],
  )
  return refresh
}

export type Rotation = { ok: true; userId: string; refresh: IssuedRefresh } | { ok: false; reason: 'not_found' | 'already_used' | 'session_expired' }

/** GoTrue's session time-box (`sessions.timebox`): past it a session cannot be refreshed, only replaced by a sign-in. */
export interface SessionLimit {
  /** The gateway's clock, milliseconds since the epoch. */
  now: number
  /** null: sessions live until signed out (GoTrue's default). */
  lifetimeSeconds: number | null
}

/**
 * Refresh-token rotation: the presented token is revoked and a child issued in the
 * same session. Presenting a revoked token again is treated as theft, as GoTrue
 * does: the whole session is revoked. A session older than its lifetime is refused.
 */
export async function rotateRefreshToken(pool: Pool, token: string, limit: SessionLimit): Promise<Rotation> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ user_id: string; revoked: boolean; session_id: string; started_at: Date }>(
      `select user_id, revoked, session_id,
              (select min(created_at) from auth.refresh_tokens s where s.session_id = t.session_id) as started_at
         from auth.refresh_tokens t where token = $1 for update`,
      [token],
    )
    const current = rows[0]
    if (!current) return { ok: false, reason: 'not_found' }
    if (current.revoked) {
      await client.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1`, [current.session_id])
      return { ok: false, reason: 'already_used' }
    }
    if (limit.lifetimeSeconds !== null && limit.now - current.started_at.getTime() > limit.lifetimeSeconds * 1000) {
      return { ok: false, reason: 'session_expired' }
    }
    const refresh = { sessionId: current.session_id, refreshToken: newRefreshToken() }
    await client.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where token = $1`, [token])
    await client.query(
      `insert into auth.refresh_tokens (token, user_id, revoked, session_id, parent) values ($1, $2, false, $3, $4)`,
      [refresh.refreshToken, current.user_id, refresh.sessionId, token],
    )
    return { ok: true, userId: current.user_id, refresh }
  })
}

/** A session lives while one of its refresh tokens is unrevoked (logout deletes them all). */
export async function sessionIsActive(pool: Pool, sessionId: string): Promise<boolean> {
  const { rowCount } = await pool.query(`select 1 from auth.refresh_tokens where session_id = $1 and not revoked limit 1`, [sessionId])
  return (rowCount ?? 0) > 0
}

export type LogoutScope = 'global' | 'local' | 'others'

export async function revokeSessions(pool: Pool, scope: LogoutScope, userId: string, sessionId: string): Promise<void> {
  const [where, params] = {
    global: ['user_id = $1', [userId]],
    local: ['session_id = $1', [sessionId]],
    others: ['user_id = $1 and session_id <> $2', [userId, sessionId]],
  }[scope] as [string, string[]]
  // GoTrue deletes the session on logout, so its refresh tokens become unknown, not "already used".
  await pool.query(`delete from auth.refresh_tokens where ${where}`, params)
}

export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('begin')
    const result = await work(client)
    await client.query('commit')
    return result
  } catch (error) {
    await client.query('rollback').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}
