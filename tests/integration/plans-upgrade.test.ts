import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCluster, type Cluster } from '../../supabase/local/cluster'
import { run } from '../../supabase/local/pg-tools'
import { REPO_ROOT } from '../../supabase/local/schema'

/**
 * Upgrade without loss (issue 12 item 7): a database as it stood before plans became server data
 * — the catalogue, an officer's entry with its history, a manager's setting and programme — gets
 * the plan migrations, and everything keeps pointing at the 2023–2025 objectives, now of the
 * adopted plan in force.
 */
const MIGRATIONS = join(REPO_ROOT, 'supabase', 'migrations')
const FIRST_PLAN_MIGRATION = '20261203000001'
const OFFICER = '00000000-0000-4000-8000-0000000012a1'
const ENTRY = '00000000-0000-4000-8000-0000000012e1'
const PROGRAMME = '00000000-0000-4000-8000-0000000012f1'

const BEFORE = `
  insert into public.areas (id, name_it, name_en, position) values
    ('territorio', 'Area gestione del territorio', 'Land management', 4), ('polizia_locale', 'Area polizia locale', 'Local police', 5);
  insert into public.plans (id, title, municipality, start_year, end_year, approved_by)
  values ('pisogne-2023-2025', 'PIAO 2023–2025', 'Comune di Pisogne', 2023, 2025, 'Delibera Giunta Comunale n. 50 del 15.03.2023');
  insert into public.objectives (id, plan_id, area_id, position, contributing_areas, title, responsabile, stakeholder, contributors,
                                 timeframe, measurement, baseline_text, expected_target, data_source, indicator)
  values ('pl-turni-serali', 'pisogne-2023-2025', 'polizia_locale', 1, '{}', 'Turni serali', '', '', '', '', '', '', '', '', '{"kind": "completion"}'),
         ('terr-segnaletica', 'pisogne-2023-2025', 'territorio', 1, '{polizia_locale}', 'Segnaletica', '', '', '', '', '', '', '', '', '{"kind": "share"}');
  insert into auth.users (id, email, raw_app_meta_data) values ('${OFFICER}', 'agente@upgrade.test', '{"role": "officer", "area_id": "polizia_locale"}');
  insert into public.entries (id, objective_id, kind, payload, occurred_at, author_id)
  values ('${ENTRY}', 'pl-turni-serali', 'count_update', '{"quantity": 1, "total": null, "note": ""}', '2025-11-20T19:00:00Z', '${OFFICER}');
  update public.entries set payload = '{"quantity": 2, "total": null, "note": "corretto"}' where id = '${ENTRY}';
  insert into public.objective_settings (id, baseline_value, target, note) values ('pl-turni-serali', 40, 48, 'programma 2025');
  insert into public.programmes (id, objective_id, month, planned) values ('${PROGRAMME}', 'pl-turni-serali', '2025-11', 8);
`

let cluster: Cluster
let historyBefore: number

async function psql(args: string[]): Promise<void> {
  await run('psql', ['--no-psqlrc', '-q', '-v', 'ON_ERROR_STOP=1', '-d', cluster.databaseUrl, ...args], {
    env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' },
  })
}

async function migrate(which: (file: string) => boolean): Promise<void> {
  for (const file of readdirSync(MIGRATIONS).filter((name) => name.endsWith('.sql') && which(name)).sort()) {
    await psql(['-f', join(MIGRATIONS, file)])
  }
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.databaseUrl })
  await client.connect()
  try {
    return (await client.query<T>(sql)).rows
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  cluster = await startCluster()
  await psql(['-f', join(REPO_ROOT, 'supabase', 'local', 'bootstrap.sql')])
  await migrate((file) => file < FIRST_PLAN_MIGRATION)
  await psql(['-c', BEFORE])
  historyBefore = (await query<{ n: number }>(`select count(*)::int as n from public.entry_history where entry_id = '${ENTRY}'`))[0]!.n
  await migrate((file) => file >= FIRST_PLAN_MIGRATION)
})
afterAll(() => cluster?.stop())

describe('upgrading a database from before plans were server data', () => {
  it('makes the existing plan the adopted one, in force from 1 January 2023 with no end, with its areas', async () => {
    expect(await query(`select municipality_id, status, adopted_on::text, in_force_from::text, in_force_until, approved_by from public.plans`)).toEqual([
      { municipality_id: 'pisogne', status: 'adopted', adopted_on: '2023-03-15', in_force_from: '2023-01-01', in_force_until: null, approved_by: 'Delibera Giunta Comunale n. 50 del 15.03.2023' },
    ])
    expect(await query(`select area_id, position from public.plan_areas order by position`)).toEqual([
      { area_id: 'territorio', position: 1 },
      { area_id: 'polizia_locale', position: 2 },
    ])
  })

  it('keeps the entry, its history, the setting and the programme on the same objective', async () => {
    expect(historyBefore).toBeGreaterThan(0)
    expect(await query(`
      select (select objective_id from public.entries where id = '${ENTRY}') as entry,
             (select count(*)::int from public.entry_history where entry_id = '${ENTRY}') as history,
             (select target::int from public.objective_settings where id = 'pl-turni-serali') as target,
             (select objective_id from public.programmes where id = '${PROGRAMME}') as programme,
             (select plan_id from public.objectives where id = 'pl-turni-serali') as plan`)).toEqual([
      { entry: 'pl-turni-serali', history: historyBefore, target: 48, programme: 'pl-turni-serali', plan: 'pisogne-2023-2025' },
    ])
  })

  it('lets the officer pull the plan and log an entry for its objective today', async () => {
    const client = new pg.Client({ connectionString: cluster.databaseUrl })
    await client.connect()
    try {
      await client.query('begin')
      await client.query(`select set_config('request.jwt.claims', $1, true), set_config('role', 'authenticated', true)`, [
        JSON.stringify({ sub: OFFICER, role: 'authenticated' }),
      ])
      const { rows } = await client.query(`
        select array(select c ->> 'entity' || ':' || (c ->> 'id') from jsonb_array_elements(public.sync_pull(null, 100) -> 'changes') c
                     where c ->> 'entity' in ('plan', 'objective') order by 1) as pulled,
               public.sync_push(jsonb_build_array(jsonb_build_object('id', gen_random_uuid(), 'entity', 'entry', 'op', 'insert',
                 'entityId', gen_random_uuid(), 'baseVersion', 0, 'authorId', $1::uuid, 'createdAt', now(),
                 'data', jsonb_build_object('objectiveId', 'pl-turni-serali', 'kind', 'count_update', 'occurredAt', private.iso_utc(now()),
                                            'payload', '{"quantity": 1, "total": null, "note": ""}'::jsonb)))) -> 0 ->> 'status' as pushed`, [OFFICER])
      expect(rows[0]).toEqual({
        pulled: ['objective:pl-turni-serali', 'objective:terr-segnaletica', 'plan:pisogne-2023-2025'],
        pushed: 'applied',
      })
    } finally {
      await client.query('rollback')
      await client.end()
    }
  })
})
