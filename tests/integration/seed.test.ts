import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO, anonClient, signedInClient, withDatabase } from '../support/supabase-clients'

// Counts through the gateway as the caller (security invoker), so grants and RLS decide what it sees.
beforeAll(() =>
  withDatabase((db) =>
    db.query(`create function public.seed_test_catalogue_counts() returns jsonb language sql stable security invoker as $$
                select jsonb_build_object('areas', (select count(*) from public.areas),
                                          'objectives', (select count(*) from public.objectives),
                                          'snowRoutes', (select count(*) from public.snow_routes where not deleted))
              $$;
              grant execute on function public.seed_test_catalogue_counts() to anon, authenticated`),
  ),
)
afterAll(() => withDatabase((db) => db.query('drop function public.seed_test_catalogue_counts()')))

describe('seed: the PIAO catalogue and the demo data', () => {
  it('shows a signed-in user the 6 areas and 29 objectives of the Pisogne PIAO', async () => {
    const officer = await signedInClient(DEMO.officer)
    const { data, error } = await officer.rpc('seed_test_catalogue_counts')
    expect(error).toBeNull()
    expect(data).toMatchObject({ areas: 6, objectives: 29 })
  })

  it('shows the anon key nothing of the catalogue', async () => {
    const { data, error, status } = await anonClient().rpc('seed_test_catalogue_counts')
    expect(data).toBeNull()
    expect(status).toBe(401)
    expect(error).toMatchObject({ code: '42501' })
  })

  it('gives every demo account the profile (role, area) its login table promises', async () => {
    const { rows } = await withDatabase((db) =>
      db.query<{ id: string; role: string; area_id: string | null }>(`select id, role, area_id from public.profiles where id = any($1::uuid[])`, [
        Object.values(DEMO).map((account) => account.id),
      ]),
    )
    const byId = new Map(rows.map((row) => [row.id, row]))
    for (const account of Object.values(DEMO)) {
      expect(byId.get(account.id), account.email).toEqual({ id: account.id, role: account.role, area_id: account.area })
    }
  })

  // Other test files share this cluster and add routes and events of their own: look only at the demo rows.
  it('loads the territorio snow plan: five routes in priority order 1–5 and a snow event', async () => {
    const { rows } = await withDatabase((db) =>
      db.query<{ priorities: number[]; events: number }>(
        `select array(select priority from public.snow_routes
                      where not deleted and id::text like '5c000000-0000-4000-8000-0000000001%' order by priority) as priorities,
                (select count(*)::int from public.snow_events where id = '5c000000-0000-4000-8000-000000000201') as events`,
      ),
    )
    expect(rows[0]).toEqual({ priorities: [1, 2, 3, 4, 5], events: 1 })
  })
})
