import { AuthApiError } from '@supabase/supabase-js'
import { decodeJwt } from 'jose'
import { describe, expect, inject, it } from 'vitest'
import { DEMO_PASSWORD } from '../../supabase/local/describe-stack'
import { DEMO, anonClient, signedInClient } from '../support/supabase-clients'

describe('local gateway: GoTrue endpoints with supabase-js', () => {
  it.each(Object.entries(DEMO))('signs in the demo %s and returns a GoTrue session carrying role and area', async (_, account) => {
    const client = anonClient()
    const { data, error } = await client.auth.signInWithPassword({ email: account.email, password: DEMO_PASSWORD })
    expect(error).toBeNull()
    expect(data.user?.id).toBe(account.id)
    expect(data.session?.token_type).toBe('bearer')
    expect(data.session?.refresh_token).toBeTruthy()
    const claims = decodeJwt(data.session!.access_token)
    expect(claims).toMatchObject({ sub: account.id, role: 'authenticated', aud: 'authenticated', email: account.email })
    expect(claims.app_metadata).toMatchObject({ provider: 'email', role: account.role, ...(account.area ? { area_id: account.area } : {}) })
    expect(typeof claims.session_id).toBe('string')
    expect(data.session!.expires_at).toBe(claims.exp)
  })

  it('answers a wrong password with GoTrue invalid_credentials, which supabase-js raises as AuthApiError', async () => {
    const { data, error } = await anonClient().auth.signInWithPassword({ email: DEMO.officer.email, password: 'not-the-password' })
    expect(data.session).toBeNull()
    expect(error).toBeInstanceOf(AuthApiError)
    expect(error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' })
  })

  it('answers an unknown email exactly like a wrong password (no account probing)', async () => {
    const { error } = await anonClient().auth.signInWithPassword({ email: 'nessuno@sulcampo.test', password: DEMO_PASSWORD })
    expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' })
  })

  it('sends the legacy GoTrue error body to clients that do not ask for API version 2024-01-01', async () => {
    const response = await fetch(`${inject('supabaseUrl')}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { apikey: inject('anonKey'), 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.officer.email, password: 'wrong' }),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' })
  })

  it('returns the signed-in user from GET /user', async () => {
    const client = await signedInClient(DEMO.worker)
    const { data, error } = await client.auth.getUser()
    expect(error).toBeNull()
    expect(data.user).toMatchObject({ id: DEMO.worker.id, email: DEMO.worker.email, app_metadata: { role: 'worker', area_id: 'territorio' } })
  })

  it('rejects GET /user with a forged token as GoTrue does (403 bad_jwt)', async () => {
    const { data, error } = await anonClient().auth.getUser('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl')
    expect(data.user).toBeNull()
    expect(error).toMatchObject({ status: 403, code: 'bad_jwt' })
  })

  it('rotates the refresh token: the new one works, the used one is refused', async () => {
    const client = await signedInClient(DEMO.secondOfficer)
    const first = (await client.auth.getSession()).data.session!
    const { data, error } = await client.auth.refreshSession()
    expect(error).toBeNull()
    expect(data.session!.refresh_token).not.toBe(first.refresh_token)

    const replay = await anonClient().auth.refreshSession({ refresh_token: first.refresh_token })
    expect(replay.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' })
  })

  it('refuses an unknown refresh token with refresh_token_not_found', async () => {
    const { error } = await anonClient().auth.refreshSession({ refresh_token: 'never-issued' })
    expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found' })
  })

  it('signs out: the session ends and its refresh token no longer works', async () => {
    const client = await signedInClient(DEMO.territoryManager)
    const session = (await client.auth.getSession()).data.session!
    expect((await client.auth.signOut()).error).toBeNull()

    const refresh = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token })
    expect(refresh.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' })
    // supabase-js turns this answer into AuthSessionMissingError; the wire shows GoTrue's code.
    const response = await fetch(`${inject('supabaseUrl')}/auth/v1/user`, {
      headers: { apikey: inject('anonKey'), authorization: `Bearer ${session.access_token}` },
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ code: 403, error_code: 'session_not_found' })
  })

  it('refuses requests without the project API key, as the Supabase API gateway does', async () => {
    const response = await fetch(`${inject('supabaseUrl')}/auth/v1/user`)
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ message: 'No API key found in request' })
  })

  it('answers CORS preflight for the headers supabase-js sends from the browser app', async () => {
    const response = await fetch(`${inject('supabaseUrl')}/rest/v1/rpc/sync_pull`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:4173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'apikey, authorization, content-type, x-client-info' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4173')
    for (const header of ['apikey', 'authorization', 'content-type', 'x-client-info', 'x-supabase-api-version']) {
      expect(response.headers.get('access-control-allow-headers')).toContain(header)
    }
  })
})
