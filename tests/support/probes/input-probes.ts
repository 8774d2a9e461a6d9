import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import type { Mutation, PulledChange, RejectCode } from '~/domain/sync-protocol'
import { DEMO, withDatabase } from '../supabase-clients'
import { countPayload, entryInsert, expectRejected, insertMutation, pullAll, pushOne, reportPayload, type Probe } from './probe-kit'

type Member = keyof typeof DEMO

/** Strings that would do harm if any layer spliced them into SQL, a regex or a format string. */
const SQLISH = [
  "'); drop table public.entries; --",
  "x' or '1'='1",
  '$$; select pg_sleep(10); $$',
  '"; update public.profiles set role = \'admin\'; --',
  '%s %I %L \\x00 \\\\ E\'\\n\'',
] as const

const sqlish = (i: number) => SQLISH[i % SQLISH.length]!

const SQLISH_PAYLOADS: [Member, string, string, Record<string, unknown>][] = [
  ['officer', 'pl-pattugliamento', 'patrol', {
    startedAt: '2026-03-01T08:00:00.000Z', endedAt: '2026-03-01T10:00:00.000Z', zone: sqlish(0), crew: [sqlish(1), sqlish(2)],
    checkpoints: 1, violations: { noInsurance: 0, noInspection: 0, liens: 0, municipalRules: 0 }, notes: sqlish(3),
  }],
  ['officer', 'pl-fascia-montana', 'territory_check', { topic: 'vasp', place: sqlish(4), outcome: 'ok', notes: sqlish(0) }],
  ['worker', 'terr-segnaletica', 'maintenance_report', { ...reportPayload(sqlish(1)), place: sqlish(2) }],
  ['worker', 'terr-sicurezza-lavoro', 'check', { outcome: 'findings', findings: sqlish(3), critical: false }],
  ['officer', 'pl-pattugliamento', 'count_update', { quantity: 1, note: sqlish(4) }],
]

/** Every text field of an entry kind holds an SQL-ish string: stored and pulled back byte for byte. */
function storedVerbatimProbe([actor, objectiveId, kind, payload]: (typeof SQLISH_PAYLOADS)[number]): Probe {
  return {
    actor,
    attack: `puts SQL-ish strings in every text field of a ${kind}`,
    expected: 'applied, pulled back verbatim, no statement ran (tables intact, no delay)',
    async run(kit) {
      const client = await kit.client(actor)
      const mutation = entryInsert(actor, objectiveId, kind, payload)
      const startedAt = Date.now()
      expect(await pushOne(client, mutation)).toMatchObject({ status: 'applied' })
      expect(Date.now() - startedAt).toBeLessThan(10_000)
      const pulled = (await pullAll(client)).find((change: PulledChange) => change.id === mutation.entityId)
      expect(pulled?.row?.payload).toMatchObject(payload)
      const intact = await withDatabase(async (db) => (await db.query(
        `select to_regclass('public.entries') is not null as entries, (select role from public.profiles where id = $1) as role`, [DEMO.officer.id],
      )).rows[0])
      expect(intact).toEqual({ entries: true, role: 'officer' })
    },
  }
}

/** A mutation whose envelope or data carries a hostile or oversized value: rejected with `code`. */
function refusedProbe(actor: Member, attack: string, mutation: () => Mutation, codes: RejectCode[]): Probe {
  return {
    actor,
    attack,
    expected: `rejected ${codes.join(' or ')}`,
    async run(kit) {
      expectRejected(await pushOne(await kit.client(actor), mutation()), ...codes)
    },
  }
}

const FIVE_MB = 'x'.repeat(5 * 1024 * 1024)

export const INPUT_PROBES: Probe[] = [
  ...SQLISH_PAYLOADS.map(storedVerbatimProbe),
  {
    actor: 'territoryManager',
    attack: 'names and describes a snow route with SQL-ish strings',
    expected: 'applied and stored verbatim',
    async run(kit) {
      const client = await kit.client('territoryManager')
      const mutation = insertMutation('territoryManager', 'snow_route', { name: sqlish(0), description: sqlish(2), priority: 9 })
      expect(await pushOne(client, mutation)).toMatchObject({ status: 'applied', row: { name: sqlish(0), description: sqlish(2) } })
    },
  },
  refusedProbe('officer', 'sends an SQL-ish objectiveId', () => entryInsert('officer', sqlish(0), 'count_update', countPayload()), ['not_found']),
  refusedProbe('officer', 'sends an SQL-ish kind', () => entryInsert('officer', 'pl-pattugliamento', sqlish(1), countPayload()), ['unknown_kind']),
  refusedProbe('officer', 'sends an SQL-ish entity', () => ({ ...entryInsert('officer', 'pl-pattugliamento', 'count_update', countPayload()), entity: sqlish(3) as never }), ['unknown_entity']),
  refusedProbe('policeManager', 'sends an SQL-ish objective-setting id (a text key)', () => insertMutation('policeManager', 'objective_setting', { target: 1 }, sqlish(0)), ['not_found', 'forbidden']),
  refusedProbe('officer', 'sends an SQL-ish op', () => ({ ...entryInsert('officer', 'pl-pattugliamento', 'count_update', countPayload()), op: sqlish(1) as never }), ['invalid_mutation']),
  refusedProbe('worker', 'files a report with a 5 MB description', () => entryInsert('worker', 'terr-segnaletica', 'maintenance_report', reportPayload(FIVE_MB)), ['field_too_large']),
  refusedProbe('officer', 'logs a patrol with 2,001-character notes', () => entryInsert('officer', 'pl-pattugliamento', 'count_update', { quantity: 1, note: 'n'.repeat(2001) }), ['field_too_large']),
  refusedProbe('officer', 'logs a patrol with a crew of 21', () => entryInsert('officer', 'pl-pattugliamento', 'patrol', {
    startedAt: '2026-03-01T08:00:00.000Z', endedAt: '2026-03-01T09:00:00.000Z', zone: 'Centro', crew: Array(21).fill('Agente'),
    checkpoints: 0, violations: { noInsurance: 0, noInspection: 0, liens: 0, municipalRules: 0 },
  }), ['field_too_large']),
  refusedProbe('territoryManager', 'describes a snow route in 5 MB', () => insertMutation('territoryManager', 'snow_route', { name: 'Lunga', description: FIVE_MB, priority: 1 }), ['field_too_large']),
  refusedProbe('policeManager', 'writes a 3,000-character note on an objective setting', () => insertMutation('policeManager', 'objective_setting', { note: 'n'.repeat(3000) }, 'pl-pattugliamento'), ['field_too_large']),
  refusedProbe('officer', 'sends a 300-character entityId', () => ({ ...entryInsert('officer', 'pl-pattugliamento', 'count_update', countPayload()), entityId: randomUUID().repeat(9) }), ['invalid_mutation']),
  refusedProbe('officer', 'sends a negative count', () => entryInsert('officer', 'pl-pattugliamento', 'count_update', countPayload(-5)), ['invalid_payload']),
]
