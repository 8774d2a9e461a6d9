import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import { DEMO } from '../supabase-clients'
import { asApiRole, type Actor, type Probe } from './probe-kit'

/**
 * Hosted Supabase also serves every granted table of `public` at /rest/v1/{table}; the app never
 * uses it, but an attacker with a token can. These probes run the statements PostgREST would
 * run, as the same role with the same claims, and roll back.
 */
function deniedProbe(actor: Actor, attack: string, sql: string, params: unknown[] = []): Probe {
  return {
    actor,
    attack,
    expected: 'permission denied (42501)',
    async run() {
      expect(await asApiRole(actor, sql, params)).toEqual({ errorCode: '42501' })
    },
  }
}

function rowsProbe(actor: Actor, attack: string, expected: string, sql: string, params: () => unknown[], check: (rows: Record<string, unknown>[]) => void): Probe {
  return {
    actor,
    attack,
    expected,
    async run() {
      const result = await asApiRole(actor, sql, params())
      expect(result).toHaveProperty('rows')
      if ('rows' in result) check(result.rows)
    },
  }
}

export const TABLE_PROBES: Probe[] = [
  deniedProbe('anon', 'GET /rest/v1/entries', 'select * from public.entries'),
  deniedProbe('anon', 'GET /rest/v1/profiles', 'select * from public.profiles'),
  deniedProbe('anon', 'GET /rest/v1/entry_history', 'select * from public.entry_history'),
  deniedProbe('officer', 'DELETE /rest/v1/entries (hard delete instead of a tombstone)', 'delete from public.entries where author_id = $1', [DEMO.officer.id]),
  deniedProbe('officer', 'POST /rest/v1/profiles (a second profile)', `insert into public.profiles (id, role, area_id) values ($1, 'admin', null)`, [randomUUID()]),
  deniedProbe('officer', 'PATCH /rest/v1/objectives (rewrite a PIAO target)', `update public.objectives set expected_target = 'nessuno'`),
  deniedProbe('anon', 'GET /rest/v1/plans', 'select * from public.plans'),
  deniedProbe('officer', 'POST /rest/v1/plans (a plan of their own, in force)',
    `insert into public.plans (id, municipality_id, title, start_year, end_year, approved_by, status, adopted_on, in_force_from)
     values ('piano-abusivo', 'pisogne', 'x', 2026, 2028, 'x', 'adopted', '2026-01-01', '2030-01-01')`),
  deniedProbe('policeManager', 'PATCH /rest/v1/plans (end the plan in force)', `update public.plans set in_force_until = '2026-01-01', status = 'superseded'`),
  deniedProbe('policeManager', 'POST /rest/v1/plan_areas (an area of their own in the plan)', `insert into public.plan_areas values ('pisogne-2023-2025', 'sociale', 99, 'x', 'x')`),
  deniedProbe('officer', 'PATCH /rest/v1/municipalities (rename the comune)', `update public.municipalities set name = 'Comune abusivo'`),
  deniedProbe('officer', 'reads auth.users (emails and password hashes)', 'select email, encrypted_password from auth.users'),
  rowsProbe('officer', 'PATCH /rest/v1/profiles?id=eq.self {role: admin}', 'no row updated', `update public.profiles set role = 'admin', area_id = null where id = $1 returning id`, () => [DEMO.officer.id], (rows) => expect(rows).toEqual([])),
  rowsProbe('worker', 'GET /rest/v1/entries?objective_id=eq.pl-pattugliamento', 'no rows', `select id from public.entries where objective_id = 'pl-pattugliamento'`, () => [], (rows) => expect(rows).toEqual([])),
  rowsProbe('officer', 'GET /rest/v1/profiles (everyone’s role and area)', 'only polizia_locale colleagues', 'select area_id from public.profiles', () => [], (rows) => {
    expect(new Set(rows.map((row) => row.area_id))).toEqual(new Set(['polizia_locale']))
  }),
  rowsProbe('officer', 'POST /rest/v1/entries with author_id, version and created_at forged', 'stored with the officer as author, version 1, created now',
    `insert into public.entries (id, objective_id, kind, payload, occurred_at, author_id, version, created_at)
     values ($1, 'pl-pattugliamento', 'count_update', '{"quantity": 1}', now(), $2, 77, '2001-01-01')
     returning author_id::text, version, created_at > now() - interval '1 minute' as fresh`,
    () => [randomUUID(), DEMO.worker.id], (rows) => expect(rows).toEqual([{ author_id: DEMO.officer.id, version: 1, fresh: true }])),
  rowsProbe('officer', 'reads other users’ sync bookkeeping (private.applied_mutations)', 'only their own mutation ids',
    'select distinct user_id::text from private.applied_mutations', () => [], (rows) => {
      expect(rows.filter((row) => row.user_id !== DEMO.officer.id)).toEqual([])
    }),
]
