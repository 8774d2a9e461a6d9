import type { Pool } from 'pg'

/** What every route needs: the database, the project's keys and the gateway's clock. */
export interface GatewayContext {
  pool: Pool
  jwtSecret: string
  anonKey: string
  serviceRoleKey: string
  /** The gateway's base URL, known once it listens (the `iss` claim names it). */
  url: () => string
  /** Milliseconds since the epoch; tests move it to expire tokens without sleeping. */
  now: () => number
  accessTokenTtlSeconds: number
  /** GoTrue's session time-box; null (the default) for sessions that live until signed out. */
  sessionLifetimeSeconds: number | null
}
