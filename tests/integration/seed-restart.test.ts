import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { startStack } from '../../supabase/local/stack'
import { DEMO_PASSWORD } from '../../supabase/local/describe-stack'
import { DEMO } from '../support/supabase-clients'

const folders: string[] = []
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))))

async function scalar(databaseUrl: string, sql: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query(sql)).rows[0]?.value
  } finally {
    await client.end()
  }
}

describe('persistent local backend (npm run backend)', () => {
  it('starts again on the same data: rows, migrations applied once, seed re-run without duplicates, same keys', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sulcampo-backend-'))
    folders.push(dir)
    const first = await startStack({ dir })
    const firstKey = first.anonKey
    await scalar(first.databaseUrl, `update public.snow_routes set name = 'Rinominata' where priority = 1 returning 1 as value`)
    await first.stop()

    const second = await startStack({ dir })
    try {
      expect(second.anonKey).toBe(firstKey)
      expect(await scalar(second.databaseUrl, `select name as value from public.snow_routes where priority = 1`)).toBe('Rinominata')
      expect(await scalar(second.databaseUrl, `select count(*)::int as value from auth.users where email like '%@sulcampo.test'`)).toBe(6)
      expect(await scalar(second.databaseUrl, `select count(*)::int as value from public.objectives`)).toBe(29)
      const migrations = await scalar(second.databaseUrl, `select count(*) - count(distinct version) as value from supabase_migrations.schema_migrations`)
      expect(Number(migrations)).toBe(0)
      const response = await fetch(`${second.supabaseUrl}/auth/v1/token?grant_type=password`, {
        method: 'POST',
        headers: { apikey: second.anonKey, 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO.admin.email, password: DEMO_PASSWORD }),
      })
      expect(response.status).toBe(200)
    } finally {
      await second.stop()
    }
  })
})
