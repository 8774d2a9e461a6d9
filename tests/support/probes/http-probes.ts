import { expect } from 'vitest'
import { withDatabase } from '../supabase-clients'
import { accessToken, pushOne, rawRpc, type Probe } from './probe-kit'

/** Every RPC the app calls, with arguments that would succeed for a signed-in user. */
const PUBLIC_RPCS: Record<string, Record<string, unknown>> = {
  sync_push: { mutations: [] },
  sync_pull: { cursor: '', lim: 10 },
  objective_progress: {},
  entry_changes: { entry_id: '5c000000-0000-4000-8000-000000000101' },
}

function anonRpcProbe(name: string): Probe {
  return {
    actor: 'anon',
    attack: `calls ${name} with the public anon key only`,
    expected: '401 with error 42501 and no data',
    async run(kit) {
      const { data, error, status } = await (await kit.client('anon')).rpc(name, PUBLIC_RPCS[name])
      expect(status).toBe(401)
      expect(error).toMatchObject({ code: '42501' })
      expect(data).toBeNull()
    },
  }
}

/** A token that claims to be the admin but is unsigned: a gateway that trusts `alg: none` would accept it. */
function unsignedAdminToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: '5c000000-0000-4000-8000-000000000006', role: 'service_role', exp: now + 600 })}.`
}

function malformedBodyProbe(what: string, body: string): Probe {
  return {
    actor: 'officer',
    attack: `posts ${what} to sync_push`,
    expected: '400 PGRST102',
    async run(kit) {
      const response = await rawRpc('sync_push', body, { authorization: `Bearer ${await accessToken(await kit.client('officer'))}` })
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ code: 'PGRST102' })
    },
  }
}

export const HTTP_PROBES: Probe[] = [
  ...Object.keys(PUBLIC_RPCS).map(anonRpcProbe),
  {
    actor: 'anon',
    attack: 'looks for any function in the public schema that anon may execute',
    expected: 'only the readers of published transparency snapshots and of the embed origins (docs/transparency.md); every other public function is revoked from anon and PUBLIC',
    async run() {
      const executable = await withDatabase(async (db) => (await db.query(
        `select p.oid::regprocedure::text as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = 'public' and has_function_privilege('anon', p.oid, 'execute')`,
      )).rows.map((row) => row.fn).sort())
      expect(executable).toEqual(['embed_origins()', 'published_snapshot(uuid)', 'published_snapshot_list()'])
    },
  },
  {
    actor: 'anon',
    attack: 'calls sync_pull with an unsigned (alg none) token claiming service_role and the admin',
    expected: '401 PGRST301, nothing returned',
    async run() {
      const response = await rawRpc('sync_pull', '{}', { authorization: `Bearer ${unsignedAdminToken()}` })
      expect(response.status).toBe(401)
      expect(await response.json()).toMatchObject({ code: 'PGRST301' })
    },
  },
  {
    actor: 'officer',
    attack: 'calls a function that does not exist',
    expected: '404 PGRST202',
    async run(kit) {
      const { status, error, data } = await (await kit.client('officer')).rpc('drop_all_entries', {})
      expect(status).toBe(404)
      expect(error).toMatchObject({ code: 'PGRST202' })
      expect(data).toBeNull()
    },
  },
  {
    actor: 'officer',
    attack: 'calls a private helper (record_lost_value) by schema-qualified name and via Content-Profile: private',
    expected: '404 PGRST202 both ways: only the public schema is exposed',
    async run(kit) {
      const authorization = `Bearer ${await accessToken(await kit.client('officer'))}`
      const qualified = await rawRpc('private.record_lost_value', '{}', { authorization })
      const profiled = await rawRpc('record_lost_value', '{}', { authorization, 'content-profile': 'private', 'accept-profile': 'private' })
      expect([qualified.status, profiled.status]).toEqual([404, 404])
      expect(await profiled.json()).toMatchObject({ code: 'PGRST202' })
    },
  },
  malformedBodyProbe('a body that is not JSON', '{"mutations": [{"id": '),
  malformedBodyProbe('a JSON array instead of named arguments', '[1, 2, 3]'),
  ...[
    ['a string', 'not an array'],
    ['an object', { id: 'x' }],
    ['1,001 mutations', Array.from({ length: 1001 }, () => ({}))],
  ].map(([what, mutations]): Probe => ({
    actor: 'officer',
    attack: `calls sync_push with mutations = ${String(what)}`,
    expected: '400 invalid_mutations (22023)',
    async run(kit) {
      const { status, error } = await (await kit.client('officer')).rpc('sync_push', { mutations })
      expect(status).toBe(400)
      expect(error).toMatchObject({ code: '22023', message: 'invalid_mutations' })
    },
  })),
  {
    actor: 'officer',
    attack: 'pushes mutations that are not objects (42, "x", null, [])',
    expected: 'each rejected invalid_mutation',
    async run(kit) {
      const { data, error } = await (await kit.client('officer')).rpc('sync_push', { mutations: [42, 'x', null, []] })
      expect(error).toBeNull()
      expect((data as { status: string; code: string }[]).map((r) => `${r.status}:${r.code}`)).toEqual(Array(4).fill('rejected:invalid_mutation'))
    },
  },
  {
    actor: 'officer',
    attack: 'pushes to an entity that is not synced (profile, to make themselves admin)',
    expected: 'rejected unknown_entity',
    async run(kit) {
      const mutation = { id: crypto.randomUUID(), entity: 'profile', op: 'update', entityId: '5c000000-0000-4000-8000-000000000001', baseVersion: 1, data: { role: 'admin' }, authorId: '5c000000-0000-4000-8000-000000000001', createdAt: new Date().toISOString() }
      expect(await pushOne(await kit.client('officer'), mutation)).toMatchObject({ status: 'rejected', code: 'unknown_entity' })
    },
  },
  {
    actor: 'officer',
    attack: 'sends a 9 MB request body',
    expected: 'refused with 400 or 413, and the gateway keeps answering',
    async run(kit) {
      const authorization = `Bearer ${await accessToken(await kit.client('officer'))}`
      const huge = JSON.stringify({ mutations: [{ data: { payload: { description: 'x'.repeat(9 * 1024 * 1024) } } }] })
      const response = await rawRpc('sync_push', huge, { authorization }).catch(() => undefined)
      if (response) expect([400, 413]).toContain(response.status)
      const { status } = await (await kit.client('officer')).rpc('sync_pull', { lim: 1 })
      expect(status).toBe(200)
    },
  },
]
