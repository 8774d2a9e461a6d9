import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_PASSWORD } from '../../supabase/local/describe-stack'
import { startGateway, type Gateway } from '../../supabase/local/gateway/server'
import { DEMO, anonClient, withDatabase } from '../support/supabase-clients'

// A second gateway on the same database whose clock the test moves: tokens expire without sleeping.
let clockOffsetMs = 0
let gateway: Gateway
const TWO_HOURS_MS = 2 * 3600 * 1000

beforeAll(async () => {
  gateway = await startGateway({ databaseUrl: inject('databaseUrl'), jwtSecret: inject('jwtSecret'), now: () => Date.now() + clockOffsetMs })
  await withDatabase((db) =>
    db.query(`create function public.gateway_test_whoami() returns uuid language sql stable as $$ select auth.uid() $$;
              grant execute on function public.gateway_test_whoami() to authenticated`),
  )
})
afterAll(async () => {
  await gateway.close()
  await withDatabase((db) => db.query('drop function public.gateway_test_whoami()'))
})

describe('local gateway: expired access tokens', () => {
  it('answers 401 PGRST303 "JWT expired" to an expired token, and supabase-js recovers by refreshing the session', async () => {
    const client = anonClient(gateway.url)
    clockOffsetMs = -TWO_HOURS_MS // sign in "two hours ago": the one-hour access token is already expired
    const signIn = await client.auth.signInWithPassword({ email: DEMO.officer.email, password: DEMO_PASSWORD })
    clockOffsetMs = 0
    const staleToken = signIn.data.session!.access_token

    const stale = await fetch(`${gateway.url}/rest/v1/rpc/gateway_test_whoami`, {
      method: 'POST',
      headers: { apikey: inject('anonKey'), authorization: `Bearer ${staleToken}`, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(stale.status).toBe(401)
    expect(stale.headers.get('www-authenticate')).toContain('JWT expired')
    expect(await stale.json()).toMatchObject({ code: 'PGRST303', message: 'JWT expired' })

    const events: string[] = []
    client.auth.onAuthStateChange((event) => void events.push(event))
    const { data, error } = await client.rpc('gateway_test_whoami')
    expect(error).toBeNull()
    expect(data).toBe(DEMO.officer.id)
    expect(events).toContain('TOKEN_REFRESHED')
    expect((await client.auth.getSession()).data.session!.access_token).not.toBe(staleToken)
  })

  it('refuses to refresh a session older than its lifetime (session_expired), and a new sign-in gets a working one', async () => {
    const timeboxed = await startGateway({ databaseUrl: inject('databaseUrl'), jwtSecret: inject('jwtSecret'), now: () => Date.now() + clockOffsetMs, sessionLifetimeSeconds: 8 * 3600 })
    try {
      const client = anonClient(timeboxed.url)
      const signIn = await client.auth.signInWithPassword({ email: DEMO.officer.email, password: DEMO_PASSWORD })
      expect(signIn.error).toBeNull()
      clockOffsetMs = 2 * 24 * 3600 * 1000 // two days offline
      const refreshed = await client.auth.refreshSession()
      expect(refreshed.error).toMatchObject({ status: 400, code: 'session_expired' })

      const again = await client.auth.signInWithPassword({ email: DEMO.officer.email, password: DEMO_PASSWORD })
      expect(again.error).toBeNull()
      const { data, error } = await client.rpc('gateway_test_whoami')
      expect(error).toBeNull()
      expect(data).toBe(DEMO.officer.id)
      await expect(client.auth.refreshSession()).resolves.toMatchObject({ error: null })
    } finally {
      clockOffsetMs = 0
      await timeboxed.close()
    }
  })

  it('restarts on the same port after close(), so a fault proxy in front of it can keep its target', async () => {
    const port = gateway.port
    await gateway.close()
    gateway = await startGateway({ databaseUrl: inject('databaseUrl'), jwtSecret: inject('jwtSecret'), port })
    expect(gateway.port).toBe(port)
    const { error } = await anonClient(gateway.url).auth.signInWithPassword({ email: DEMO.worker.email, password: DEMO_PASSWORD })
    expect(error).toBeNull()
  })
})
