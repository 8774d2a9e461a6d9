import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO, anonClient, signedInClient, withDatabase } from '../support/supabase-clients'

/**
 * Functions that exist only in this throwaway cluster: they exercise how the gateway
 * calls a function (named arguments, defaults, types, sets, errors) independently of
 * what the real RPCs do.
 */
const TEST_FUNCTIONS = `
  create function public.gateway_test_echo(amount int, tags text[] default '{}', extra jsonb default null)
  returns jsonb language sql stable as $$
    select jsonb_build_object('amount', amount, 'tags', to_jsonb(tags), 'extra', extra, 'uid', auth.uid(), 'role', current_user)
  $$;
  create function public.gateway_test_series(n int) returns setof int language sql stable as $$ select generate_series(1, n) $$;
  create function public.gateway_test_raise(reason text) returns void language plpgsql as $$
  begin raise exception using message = reason, detail = 'some detail', hint = 'some hint'; end $$;
  grant execute on function public.gateway_test_echo(int, text[], jsonb), public.gateway_test_series(int),
    public.gateway_test_raise(text) to authenticated;
`

beforeAll(() => withDatabase((db) => db.query(TEST_FUNCTIONS)))
afterAll(() =>
  withDatabase((db) =>
    db.query(`drop function public.gateway_test_echo(int, text[], jsonb), public.gateway_test_series(int), public.gateway_test_raise(text)`),
  ),
)

function rawRpc(name: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${inject('supabaseUrl')}/rest/v1/rpc/${name}`, {
    method: 'POST',
    headers: { apikey: inject('anonKey'), authorization: `Bearer ${token ?? inject('anonKey')}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

describe('local gateway: POST /rest/v1/rpc/{fn} as PostgREST serves it', () => {
  it('passes the JSON body as named arguments, leaves omitted ones to their defaults, and runs as the signed-in user', async () => {
    const officer = await signedInClient(DEMO.officer)
    const { data, error } = await officer.rpc('gateway_test_echo', { amount: 3, extra: { nested: [1, 'two'] } })
    expect(error).toBeNull()
    expect(data).toEqual({ amount: 3, tags: [], extra: { nested: [1, 'two'] }, uid: DEMO.officer.id, role: 'authenticated' })
  })

  it('converts arrays to Postgres arrays and returns set-returning functions as JSON arrays', async () => {
    const officer = await signedInClient(DEMO.officer)
    expect((await officer.rpc('gateway_test_echo', { amount: 1, tags: ['a', 'b'] })).data).toMatchObject({ tags: ['a', 'b'] })
    expect((await officer.rpc('gateway_test_series', { n: 3 })).data).toEqual([1, 2, 3])
  })

  it('answers a raised exception with PostgREST error JSON and status 400', async () => {
    const officer = await signedInClient(DEMO.officer)
    const { error, status } = await officer.rpc('gateway_test_raise', { reason: 'boom' })
    expect(status).toBe(400)
    expect(error).toMatchObject({ code: 'P0001', message: 'boom', details: 'some detail', hint: 'some hint' })
  })

  it('answers 404 PGRST202 for an unknown function or arguments it does not take', async () => {
    const officer = await signedInClient(DEMO.officer)
    const unknown = await officer.rpc('no_such_function', {})
    expect(unknown.status).toBe(404)
    expect(unknown.error).toMatchObject({ code: 'PGRST202' })
    const wrongArgs = await officer.rpc('gateway_test_echo', { amount: 1, colour: 'red' })
    expect(wrongArgs.status).toBe(404)
    expect(wrongArgs.error).toMatchObject({ code: 'PGRST202' })
  })

  it('refuses a function name that is not a plain identifier without touching the database', async () => {
    const response = await rawRpc('pg_sleep";select', {})
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ code: 'PGRST202' })
  })

  it('answers a body that is not JSON with 400 PGRST102, not a crash', async () => {
    const response = await fetch(`${inject('supabaseUrl')}/rest/v1/rpc/gateway_test_series`, {
      method: 'POST',
      headers: { apikey: inject('anonKey'), 'content-type': 'application/json' },
      body: '{"n": 1',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 'PGRST102' })
  })

  it('answers 401 with PostgREST PGRST301 and WWW-Authenticate for a forged token', async () => {
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.Zm9yZ2Vk'
    const response = await rawRpc('gateway_test_series', { n: 1 }, forged)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/)
    expect(await response.json()).toMatchObject({ code: 'PGRST301' })
  })

  it('lets the anon key alone call nothing granted only to signed-in users (401, 42501)', async () => {
    const { data, error, status } = await anonClient().rpc('gateway_test_series', { n: 1 })
    expect(data).toBeNull()
    expect(status).toBe(401)
    expect(error).toMatchObject({ code: '42501' })
  })

  it('answers 403 (not 401) when a signed-in user lacks the privilege', async () => {
    await withDatabase((db) => db.query('revoke execute on function public.gateway_test_series(int) from authenticated'))
    const officer = await signedInClient(DEMO.officer)
    const { error, status } = await officer.rpc('gateway_test_series', { n: 1 })
    expect(status).toBe(403)
    expect(error).toMatchObject({ code: '42501' })
    await withDatabase((db) => db.query('grant execute on function public.gateway_test_series(int) to authenticated'))
  })
})
