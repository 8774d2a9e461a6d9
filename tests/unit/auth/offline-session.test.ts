import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AUTH_STORAGE_KEY, createSupabase, forgetLocalSession } from '~/sync/supabase-client'

/** A session whose access token expired an hour ago, as a tablet left overnight would have. */
function storeExpiredSession(): void {
  const now = Math.floor(Date.now() / 1000)
  const session = {
    access_token: 'expired-access-token',
    refresh_token: 'refresh-token',
    token_type: 'bearer',
    expires_in: 3600,
    expires_at: now - 3600,
    user: { id: 'officer-1', email: 'agente@comune.test', app_metadata: { role: 'officer' }, user_metadata: {}, aud: 'authenticated' },
  }
  localStorage.setItem(AUTH_STORAGE_KEY, JSON.stringify(session))
}

describe('Supabase session on a device without network (supabase-js 2.109)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.now() })
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    localStorage.clear()
    // auth-js logs every failed fetch; the assertions below say what matters.
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  })
  afterEach(() => {
    vi.restoreAllMocks()
    vi.unstubAllGlobals()
    vi.useRealTimers()
    localStorage.clear()
  })

  it('keeps the stored session when the start-up refresh fails for lack of network', async () => {
    storeExpiredSession()
    const supabase = createSupabase({ url: 'http://gateway.test', anonKey: 'anon' })
    const started = supabase.auth.initialize()
    // auth-js retries the refresh with backoff for up to 30 s before giving up.
    await vi.advanceTimersByTimeAsync(60_000)
    await started
    expect(fetch).toHaveBeenCalled()
    expect(JSON.parse(localStorage.getItem(AUTH_STORAGE_KEY) ?? 'null')).toMatchObject({ refresh_token: 'refresh-token' })
    await supabase.auth.stopAutoRefresh()
  })

  it('signs out offline by forgetting the stored session, which supabase-js alone would keep', async () => {
    const now = Math.floor(Date.now() / 1000)
    localStorage.setItem(
      AUTH_STORAGE_KEY,
      JSON.stringify({ access_token: 'valid', refresh_token: 'r', token_type: 'bearer', expires_in: 3600, expires_at: now + 3600, user: { id: 'officer-1' } }),
    )
    const supabase = createSupabase({ url: 'http://gateway.test', anonKey: 'anon' })
    const signingOut = forgetLocalSession(supabase)
    await vi.advanceTimersByTimeAsync(60_000)
    await signingOut
    expect(localStorage.getItem(AUTH_STORAGE_KEY)).toBeNull()
    await supabase.auth.stopAutoRefresh()
  })
})
