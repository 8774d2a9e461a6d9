import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import pg from 'pg'
import { handleAuth } from './auth-routes'
import type { GatewayContext } from './context'
import { corsHeaders, headerValue, sendJson } from './http'
import { apiKey } from './keys'
import { handleRest } from './rest-routes'

export interface GatewayOptions {
  databaseUrl: string
  jwtSecret: string
  /** 0 (default) picks a free port. */
  port?: number
  host?: string
  /** The clock tokens are issued and checked against; tests pass a movable one. */
  now?: () => number
  accessTokenTtlSeconds?: number
  /** Sessions older than this cannot be refreshed (GoTrue's `sessions.timebox`); unlimited by default. */
  sessionLifetimeSeconds?: number
}

export interface Gateway {
  url: string
  port: number
  anonKey: string
  serviceRoleKey: string
  close(): Promise<void>
}

/**
 * A dev/test stand-in for the Supabase API gateway: the GoTrue and PostgREST
 * endpoints the app uses, with their wire formats, on one port. Never a production path.
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  // The pool connects as the superuser; every request drops to its JWT's role with `set local role`.
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 8 })
  pool.on('error', () => undefined) // an idle client losing its server must not crash the gateway
  // Nor one checked out between two statements of a transaction when Postgres restarts: the pool only
  // listens to idle clients, and an 'error' nobody listens to kills the process. The request still fails.
  pool.on('connect', (client) => client.on('error', () => undefined))
  const anonKey = await apiKey(options.jwtSecret, 'anon')
  const serviceRoleKey = await apiKey(options.jwtSecret, 'service_role')
  let url = ''
  const ctx: GatewayContext = {
    pool,
    jwtSecret: options.jwtSecret,
    anonKey,
    serviceRoleKey,
    url: () => url,
    now: options.now ?? Date.now,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    sessionLifetimeSeconds: options.sessionLifetimeSeconds ?? null,
  }
  const server = createServer((req, res) => {
    route(ctx, req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy()
      console.error('gateway:', error)
      sendJson(res, 500, { message: 'Internal error in the local gateway' })
    })
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, resolve)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  url = `http://${host}:${port}`
  return {
    url,
    port,
    anonKey,
    serviceRoleKey,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await pool.end()
    },
  }
}

async function route(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  for (const [name, value] of Object.entries(corsHeaders(req))) res.setHeader(name, value)
  if (req.method === 'OPTIONS') {
    res.writeHead(204).end()
    return
  }
  const url = new URL(req.url ?? '/', 'http://gateway')
  // Supabase's API gateway (Kong) rejects any request without a project API key before routing it.
  const key = headerValue(req, 'apikey') ?? url.searchParams.get('apikey')
  if (!key) return sendJson(res, 401, { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' })
  if (key !== ctx.anonKey && key !== ctx.serviceRoleKey) return sendJson(res, 401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' })
  if (url.pathname.startsWith('/auth/v1/')) return handleAuth(ctx, req, res, url)
  if (url.pathname.startsWith('/rest/v1/')) return handleRest(ctx, req, res, url)
  sendJson(res, 404, { message: 'no Route matched with those values' })
}
