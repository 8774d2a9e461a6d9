import { sign } from './keys'
import type { AuthUser, IssuedRefresh } from './auth-store'
import type { GatewayContext } from './context'

/** The user object as GoTrue returns it (GET /user and inside a session). */
export function userJson(user: AuthUser) {
  return {
    id: user.id,
    aud: user.aud ?? 'authenticated',
    role: user.role ?? 'authenticated',
    email: user.email,
    email_confirmed_at: user.email_confirmed_at,
    phone: user.phone ?? '',
    confirmed_at: user.email_confirmed_at,
    last_sign_in_at: user.last_sign_in_at,
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: [],
    created_at: user.created_at,
    updated_at: user.updated_at,
    is_anonymous: user.is_anonymous ?? false,
  }
}

/**
 * GoTrue's session response. The access token carries GoTrue's claims; app_metadata
 * is auth.users.raw_app_meta_data verbatim (provider, and the role/area the seed puts there).
 */
export async function sessionJson(ctx: GatewayContext, user: AuthUser, refresh: IssuedRefresh) {
  const iat = Math.floor(ctx.now() / 1000)
  const exp = iat + ctx.accessTokenTtlSeconds
  const accessToken = await sign(ctx.jwtSecret, {
    iss: `${ctx.url()}/auth/v1`,
    sub: user.id,
    aud: user.aud ?? 'authenticated',
    exp,
    iat,
    email: user.email,
    phone: user.phone ?? '',
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    role: user.role ?? 'authenticated',
    aal: 'aal1',
    amr: [{ method: 'password', timestamp: iat }],
    session_id: refresh.sessionId,
    is_anonymous: user.is_anonymous ?? false,
  })
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: ctx.accessTokenTtlSeconds,
    expires_at: exp,
    refresh_token: refresh.refreshToken,
    user: userJson(user),
  }
}
