import { describe, expect, it } from 'vitest'
import type { User } from '@supabase/supabase-js'
import { AuthApiError, AuthRetryableFetchError } from '@supabase/supabase-js'
import { authErrorCode } from '~/features/auth/auth-errors'
import { rememberedUserFrom } from '~/features/auth/session-profile'

function aUser(app: Record<string, unknown>, meta: Record<string, unknown> = {}): User {
  return { id: 'u1', email: 'resp@comune.test', app_metadata: app, user_metadata: meta, aud: 'authenticated', created_at: '' } as User
}

describe('profile from the signed-in user', () => {
  it('takes role and area from the server-set app_metadata and the name from user_metadata', () => {
    expect(rememberedUserFrom(aUser({ role: 'manager', area_id: 'territorio' }, { display_name: 'Ing. Bianchi' }))).toEqual({
      userId: 'u1', email: 'resp@comune.test', displayName: 'Ing. Bianchi', role: 'manager', areaId: 'territorio',
    })
  })

  it('falls back to the email as name and to no area for a malformed area', () => {
    expect(rememberedUserFrom(aUser({ role: 'admin', area_id: 'Nowhere at all' }))).toMatchObject({ displayName: 'resp@comune.test', areaId: null })
    expect(rememberedUserFrom(aUser({ role: 'admin', area_id: 7 }))).toMatchObject({ areaId: null })
  })

  it('keeps an area that a newer plan added, not only the demo plan\'s six', () => {
    expect(rememberedUserFrom(aUser({ role: 'officer', area_id: 'protezione_civile' }))).toMatchObject({ areaId: 'protezione_civile' })
  })

  it('has no profile when the server gave the user no known role', () => {
    expect(rememberedUserFrom(aUser({}))).toBeNull()
    expect(rememberedUserFrom(aUser({ role: 'superuser' }))).toBeNull()
  })
})

describe('sign-in errors', () => {
  it.each([
    [new AuthApiError('Invalid login credentials', 400, 'invalid_credentials'), 'invalid_credentials'],
    [new AuthApiError('Too many requests', 429, 'over_request_rate_limit'), 'rate_limited'],
    [new AuthRetryableFetchError('Failed to fetch', 0), 'offline'],
    [new AuthRetryableFetchError('Bad gateway', 502), 'server'],
    [new Error('surprise'), 'unknown'],
  ])('maps %s to %s', (error, code) => {
    expect(authErrorCode(error)).toBe(code)
  })
})
