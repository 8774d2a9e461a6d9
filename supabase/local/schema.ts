import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { run } from './pg-tools'

/** The repository root: the Supabase CLI finds `supabase/migrations` from here. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SUPABASE_DIR = join(REPO_ROOT, 'supabase')

/** Runs a SQL file with psql, stopping at its first error. */
async function psqlFile(databaseUrl: string, file: string): Promise<void> {
  await run('psql', ['--no-psqlrc', '-q', '-v', 'ON_ERROR_STOP=1', '-d', databaseUrl, '-f', file], {
    env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' },
  })
}

/**
 * Brings a cluster to the state of a hosted Supabase project with our schema:
 * the bootstrap (what Supabase itself provides: roles, the auth schema; idempotent),
 * then the migrations with the pinned CLI (it records them in
 * supabase_migrations.schema_migrations, so a restart applies only new ones),
 * then the seed (idempotent: it may run on every start).
 */
export async function applySchema(databaseUrl: string): Promise<void> {
  await psqlFile(databaseUrl, join(SUPABASE_DIR, 'local', 'bootstrap.sql'))
  await pushMigrations(databaseUrl)
  const seed = join(SUPABASE_DIR, 'seed.sql')
  if (existsSync(seed)) await psqlFile(databaseUrl, seed)
}

async function pushMigrations(databaseUrl: string): Promise<void> {
  // The pinned CLI from node_modules, called directly: going through npx costs seconds per start.
  await run(join(REPO_ROOT, 'node_modules', '.bin', 'supabase'), ['db', 'push', '--db-url', databaseUrl, '--include-all', '--yes'], {
    cwd: REPO_ROOT,
    env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
  })
}
