import { isAuthApiError, isAuthRetryableFetchError } from '@supabase/supabase-js'

/** What can go wrong signing in, as codes the sign-in view translates (auth.errors.*). */
export type AuthErrorCode = 'invalid_credentials' | 'offline' | 'rate_limited' | 'no_profile' | 'not_configured' | 'server' | 'unknown'

export function authErrorCode(error: unknown): AuthErrorCode {
  if (isAuthRetryableFetchError(error)) return error.status === 0 ? 'offline' : 'server'
  if (isAuthApiError(error)) {
    if (error.code === 'invalid_credentials' || error.status === 400 || error.status === 401) return 'invalid_credentials'
    if (error.status === 429) return 'rate_limited'
    if (error.status >= 500) return 'server'
  }
  return 'unknown'
}
