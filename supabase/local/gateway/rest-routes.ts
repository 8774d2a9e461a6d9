import type { IncomingMessage, ServerResponse } from 'node:http'
import { inTransaction } from './auth-store'
import type { GatewayContext } from './context'
import { BodyError, bearerToken, headerValue, readJson, sendEmpty, sendJsonText } from './http'
import { verify, type Claims } from './keys'
import { fromDatabaseError, sendJwtError, sendPostgrestError, statusForSqlState } from './postgrest-errors'
import { FUNCTION_NAME, buildCall, chooseOverload, functionSignatures } from './rpc-signature'

/**
 * `POST /rest/v1/rpc/{fn}` as PostgREST serves it: the JWT decides the database role
 * and the claims (`request.jwt.claims`, read by auth.uid() and auth.jwt()), set per
 * request inside one transaction, so RLS and grants apply exactly as on hosted Supabase.
 */
export async function handleRest(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const match = /^\/rest\/v1\/rpc\/([^/]+)\/?$/.exec(url.pathname)
  if (!match || req.method !== 'POST') {
    return sendPostgrestError(res, 404, { code: 'PGRST125', message: 'Invalid path specified in request URL', details: null, hint: 'This local gateway serves only POST /rest/v1/rpc/{function}' })
  }
  const claims = await requestClaims(ctx, req, res)
  if (!claims) return
  const name = decodeURIComponent(match[1] ?? '')
  const body = await readJson(req).catch((error: unknown) => error)
  if (typeof body !== 'object' || body === null || Array.isArray(body) || body instanceof BodyError) {
    const message = body instanceof BodyError ? body.message : 'Invalid body: expected a JSON object of named arguments'
    return sendPostgrestError(res, 400, { code: 'PGRST102', message, details: null, hint: null })
  }
  const args = body as Record<string, unknown>
  const role = typeof claims.role === 'string' ? claims.role : 'anon'
  const anonymous = role === 'anon'
  try {
    // Inside the try: while Postgres restarts even this lookup fails, and that is PostgREST's 503 (PGRST001), not the gateway's generic 500.
    const signature = FUNCTION_NAME.test(name) ? chooseOverload(await functionSignatures(ctx.pool, name), Object.keys(args)) : undefined
    if (!signature) return sendFunctionNotFound(res, name, Object.keys(args))
    const call = buildCall(name, signature, args)
    const result = await inTransaction(ctx.pool, async (client) => {
      await client.query(
        `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true),
                set_config('request.method', 'POST', true), set_config('request.path', $3, true)`,
        [role, JSON.stringify(claims), url.pathname.replace(/^\/rest\/v1/, '')],
      )
      return (await client.query<{ result: string | null }>(call.sql, call.params)).rows[0]?.result
    })
    if (signature.returnsVoid) sendEmpty(res, 204)
    else sendJsonText(res, 200, result ?? 'null')
  } catch (error) {
    const body = fromDatabaseError(error)
    sendPostgrestError(res, statusForSqlState(body.code, anonymous), body)
  }
}

/** The JWT PostgREST uses: Authorization's bearer token, else the apikey (itself an anon JWT). */
async function requestClaims(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse): Promise<Claims | undefined> {
  const jwt = bearerToken(req) ?? headerValue(req, 'apikey') ?? ctx.anonKey
  const verified = await verify(ctx.jwtSecret, jwt, ctx.now())
  if (verified.ok) return verified.claims
  if (verified.reason === 'expired') sendJwtError(res, 'PGRST303', 'JWT expired')
  else if (verified.reason === 'malformed') sendJwtError(res, 'PGRST301', `Expected 3 parts in JWT; got ${jwt.split('.').length}`)
  else sendJwtError(res, 'PGRST301', 'JWSError JWSInvalidSignature')
  return undefined
}

function sendFunctionNotFound(res: ServerResponse, name: string, argNames: string[]): void {
  const args = argNames.join(', ')
  sendPostgrestError(res, 404, {
    code: 'PGRST202',
    message: `Could not find the function public.${name}(${args}) in the schema cache`,
    details: `Searched for the function public.${name} with ${argNames.length ? `parameters ${args}` : 'no parameters'}, but no matches were found in the schema cache.`,
    hint: null,
  })
}
