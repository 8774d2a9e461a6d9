import { expect } from 'vitest'
import { DEMO, withDatabase } from '../supabase-clients'
import { asApiRole, type Actor, type Probe } from './probe-kit'

/**
 * The public transparency surface (docs/transparency.md): who may publish, and that what anon
 * reads is the published snapshot and nothing else: no table, no publisher, nothing of the field.
 */

/** Figures for every live objective of the plan in force today, as an admin's dashboard sends them. */
async function figuresOfPlanInForce(): Promise<unknown[]> {
  return withDatabase(async (db) => (await db.query(
    `select o.id from public.objectives o
      where o.plan_id = (private.plan_in_force_on((now() at time zone 'Europe/Rome')::date)).id and not o.deleted order by o.id`,
  )).rows.map((row) => ({ objectiveId: row.id, value: 3, target: 10, unit: 'pattuglie', status: 'on_track' })))
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date())
const snapshotCount = () => withDatabase(async (db) => Number((await db.query('select count(*) from public.published_snapshots')).rows[0].count))

function publishRefusedProbe(actor: Actor): Probe {
  return {
    actor,
    attack: 'calls publish_snapshot with complete, valid figures',
    expected: `${actor === 'anon' ? 401 : 403} with error 42501, no snapshot stored`,
    async run(kit) {
      const before = await snapshotCount()
      const { data, error, status } = await (await kit.client(actor)).rpc('publish_snapshot', { as_of: today(), figures: await figuresOfPlanInForce() })
      expect(status).toBe(actor === 'anon' ? 401 : 403)
      expect(error).toMatchObject({ code: '42501' })
      expect(data).toBeNull()
      expect(await snapshotCount()).toBe(before)
    },
  }
}

/** Every place, e-mail, profile id and report text the database holds: none may be published. */
async function personalValues(): Promise<string[]> {
  return withDatabase(async (db) => (await db.query(
    `select distinct value from (
       select e.payload ->> 'place' as value from public.entries e
       union all select e.payload ->> 'description' from public.entries e
       union all select u.email from auth.users u
       union all select p.id::text from public.profiles p) v
     where value is not null and char_length(value) >= 6`,
  )).rows.map((row) => row.value as string))
}

const originCount = () => withDatabase(async (db) => Number((await db.query('select count(*) from public.embed_origins')).rows[0].count))

/** Listing or removing an origin that may frame the public page is the admin's alone. */
function embedOriginRefusedProbe(actor: Actor, rpc: 'add_embed_origin' | 'remove_embed_origin'): Probe {
  return {
    actor,
    attack: `calls ${rpc} with a valid https origin`,
    expected: `${actor === 'anon' ? 401 : 403} with error 42501, the list unchanged`,
    async run(kit) {
      const before = await originCount()
      const { data, error, status } = await (await kit.client(actor)).rpc(rpc, { origin: 'https://www.comune.pisogne.bs.it' })
      expect(status).toBe(actor === 'anon' ? 401 : 403)
      expect(error).toMatchObject({ code: '42501' })
      expect(data).toBeNull()
      expect(await originCount()).toBe(before)
    },
  }
}

const OBJECTIVE_KEYS = ['areaId', 'areaName', 'expectedTarget', 'id', 'note', 'position', 'status', 'target', 'title', 'unit', 'value']

export const TRANSPARENCY_PROBES: Probe[] = [
  ...(['anon', 'officer', 'worker', 'policeManager', 'territoryManager'] as const).map(publishRefusedProbe),
  ...(['anon', 'officer', 'policeManager'] as const).map((actor): Probe => ({
    actor,
    attack: 'GET /rest/v1/published_snapshots (the table, with who published)',
    expected: 'permission denied (42501)',
    async run() {
      expect(await asApiRole(actor, 'select published_by, body from public.published_snapshots')).toEqual({ errorCode: '42501' })
    },
  })),
  ...(['anon', 'officer', 'worker', 'policeManager', 'territoryManager'] as const).flatMap((actor) =>
    (['add_embed_origin', 'remove_embed_origin'] as const).map((rpc) => embedOriginRefusedProbe(actor, rpc))),
  ...(['anon', 'officer'] as const).map((actor): Probe => ({
    actor,
    attack: 'GET /rest/v1/embed_origins (the table, with who listed each origin), and a direct insert',
    expected: 'permission denied (42501) both times',
    async run() {
      expect(await asApiRole(actor, 'select origin, added_by from public.embed_origins')).toEqual({ errorCode: '42501' })
      expect(await asApiRole(actor, "insert into public.embed_origins (origin) values ('https://evil.example')")).toEqual({ errorCode: '42501' })
    },
  })),
  {
    actor: 'anon',
    attack: 'reads the embed origins after the admin lists one',
    expected: 'a list of origin strings, nothing of who listed them or when',
    async run(kit) {
      const admin = await kit.client('admin')
      const listed = await admin.rpc('add_embed_origin', { origin: 'https://www.comune.pisogne.bs.it' })
      expect(listed.data).toMatchObject({ status: 'listed' })
      const { data, status } = await (await kit.client('anon')).rpc('embed_origins')
      await admin.rpc('remove_embed_origin', { origin: 'https://www.comune.pisogne.bs.it' })
      expect(status).toBe(200)
      expect(data).toContain('https://www.comune.pisogne.bs.it')
      for (const origin of data) expect(origin).toMatch(/^https:\/\/[a-z0-9.-]+(:\d+)?$/)
      expect(JSON.stringify(data)).not.toContain(DEMO.admin.id)
    },
  },
  {
    actor: 'anon',
    attack: 'reads the latest snapshot and the list after the admin publishes, looking for anything personal',
    expected: 'only the documented fields; no publisher, place, report text, e-mail or profile id',
    async run(kit) {
      const published = await (await kit.client('admin')).rpc('publish_snapshot', { as_of: today(), figures: await figuresOfPlanInForce() })
      expect(published.data).toMatchObject({ status: 'published' })
      const anon = await kit.client('anon')
      const latest = await anon.rpc('published_snapshot', {})
      const list = await anon.rpc('published_snapshot_list')
      expect([latest.status, list.status], JSON.stringify([latest.error, list.error])).toEqual([200, 200])
      expect(Object.keys(latest.data).sort()).toEqual(['asOf', 'body', 'id', 'publishedAt'])
      expect(Object.keys(latest.data.body).sort()).toEqual(['areas', 'asOf', 'municipality', 'objectives', 'plan', 'year'])
      for (const objective of latest.data.body.objectives) expect(Object.keys(objective).sort()).toEqual(OBJECTIVE_KEYS)
      for (const item of list.data) expect(Object.keys(item).sort()).toEqual(['asOf', 'id', 'municipality', 'planTitle', 'publishedAt'])
      const answers = JSON.stringify([latest.data, list.data])
      expect(answers).not.toContain(DEMO.admin.id)
      for (const value of await personalValues()) expect(answers).not.toContain(value)
    },
  },
]
