import type { IncomingMessage, ServerResponse } from 'node:http'
import { createSession, findUser, revokeSessions, rotateRefreshToken, sessionIsActive, signInWithPassword, type AuthUser, type LogoutScope } from './auth-store'
import type { GatewayContext } from './context'
import { sendGoTrueError } from './gotrue-errors'
import { BodyError, bearerToken, readJson, sendEmpty, sendJson } from './http'
import { verify } from './keys'
import { sessionJson, userJson } from './session-json'

/** The GoTrue endpoints the app uses: password and refresh grants, the current user, logout. */
export async function handleAuth(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = `${req.method} ${url.pathname.replace(/\/+$/, '')}`
  if (route === 'POST /auth/v1/token') return token(ctx, req, res, url.searchParams.get('grant_type'))
  if (route === 'GET /auth/v1/user') return currentUser(ctx, req, res)
  if (route === 'POST /auth/v1/logout') return logout(ctx, req, res, url.searchParams.get('scope'))
  sendGoTrueError(req, res, 404, 'not_found', 'Not found: this local gateway serves only the auth endpoints the app uses')
}

const REFRESH_REFUSALS = {
  not_found: ['refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found'],
  already_used: ['refresh_token_already_used', 'Invalid Refresh Token: Already Used'],
  session_expired: ['session_expired', 'Invalid Refresh Token: Session Expired'],
} as const

async function token(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse, grantType: string | null): Promise<void> {
  const parsed = await readJson(req).catch((error: unknown) => error)
  if (parsed instanceof BodyError || typeof parsed !== 'object' || parsed === null) {
    return sendGoTrueError(req, res, 400, 'bad_json', 'Could not parse request body as JSON')
  }
  const body = parsed as Record<string, unknown>
  if (grantType === 'password') {
    const { email, password } = body
    if (typeof email !== 'string' || !email || typeof password !== 'string') {
      return sendGoTrueError(req, res, 400, 'validation_failed', 'Missing email or password')
    }
    const user = await signInWithPassword(ctx.pool, email, password)
    if (!user) return sendGoTrueError(req, res, 400, 'invalid_credentials', 'Invalid login credentials')
    return sendJson(res, 200, await sessionJson(ctx, user, await createSession(ctx.pool, user.id, ctx.now())))
  }
  if (grantType === 'refresh_token') {
    const presented = body.refresh_token
    if (typeof presented !== 'string' || !presented) {
      return sendGoTrueError(req, res, 400, 'validation_failed', 'refresh_token required')
    }
    const rotation = await rotateRefreshToken(ctx.pool, presented, { now: ctx.now(), lifetimeSeconds: ctx.sessionLifetimeSeconds })
    if (!rotation.ok) {
      const [code, message] = REFRESH_REFUSALS[rotation.reason]
      return sendGoTrueError(req, res, 400, code, message)
    }
    const user = await findUser(ctx.pool, rotation.userId)
    if (!user) return sendGoTrueError(req, res, 400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
    return sendJson(res, 200, await sessionJson(ctx, user, rotation.refresh))
  }
  sendGoTrueError(req, res, 400, 'unsupported_grant_type', 'unsupported_grant_type')
}

interface SignedIn {
  user: AuthUser
  sessionId: string
}

/** GoTrue's checks on a Bearer token: present, valid, its session alive, its user existing. */
async function requireUser(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse): Promise<SignedIn | undefined> {
  const jwt = bearerToken(req)
  if (!jwt) {
    sendGoTrueError(req, res, 401, 'no_authorization', 'This endpoint requires a valid Bearer token')
    return undefined
  }
  const verified = await verify(ctx.jwtSecret, jwt, ctx.now())
  if (!verified.ok) {
    const why = verified.reason === 'expired' ? 'token has invalid claims: token is expired' : 'unable to parse or verify signature'
    sendGoTrueError(req, res, 403, 'bad_jwt', `invalid JWT: ${why}`)
    return undefined
  }
  const { sub, session_id: sessionId } = verified.claims
  if (typeof sub !== 'string' || typeof sessionId !== 'string') {
    sendGoTrueError(req, res, 403, 'bad_jwt', 'invalid claim: missing sub claim')
    return undefined
  }
  if (!(await sessionIsActive(ctx.pool, sessionId))) {
    sendGoTrueError(req, res, 403, 'session_not_found', 'Session from session_id claim in JWT does not exist')
    return undefined
  }
  const user = await findUser(ctx.pool, sub)
  if (!user) {
    sendGoTrueError(req, res, 403, 'user_not_found', 'User from sub claim in JWT does not exist')
    return undefined
  }
  return { user, sessionId }
}

async function currentUser(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const signedIn = await requireUser(ctx, req, res)
  if (signedIn) sendJson(res, 200, userJson(signedIn.user))
}

async function logout(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse, scope: string | null): Promise<void> {
  const signedIn = await requireUser(ctx, req, res)
  if (!signedIn) return
  const chosen: LogoutScope = scope === 'local' || scope === 'others' ? scope : 'global'
  await revokeSessions(ctx.pool, chosen, signedIn.user.id, signedIn.sessionId)
  sendEmpty(res, 204)
}
