import pg from 'pg'
import type { Stack } from './stack'

/** The password of every demo account in demo-data.sql (demo only: never on a real project). */
export const DEMO_PASSWORD = 'sulcampo-demo'

interface DemoLogin {
  email: string
  role: string
  area: string
}

/** The demo accounts as the database holds them, so the printed table cannot drift from demo-data.sql. */
async function demoLogins(databaseUrl: string): Promise<DemoLogin[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<DemoLogin>(
      `select email, coalesce(raw_app_meta_data ->> 'role', '') as role, coalesce(raw_app_meta_data ->> 'area_id', '') as area
         from auth.users where email like '%@sulcampo.test' order by email`,
    )
    return rows
  } finally {
    await client.end()
  }
}

/** What an operator needs to use the local backend: where it is, its key, who can sign in. */
export async function describeStack(stack: Stack): Promise<string> {
  const logins = await demoLogins(stack.databaseUrl)
  const width = Math.max(5, ...logins.map((login) => login.email.length))
  const table = logins.map((login) => `  ${login.email.padEnd(width)}  ${login.role.padEnd(8)}  ${login.area || '(all areas)'}`)
  return [
    `Supabase URL (VITE_SUPABASE_URL):       ${stack.supabaseUrl}`,
    `Anon key (VITE_SUPABASE_ANON_KEY):      ${stack.anonKey}`,
    `Database:                               ${stack.databaseUrl}`,
    `Data folder (delete it to start afresh): ${stack.cluster.dir}`,
    `Started in ${stack.timings.cluster} ms (cluster) + ${stack.timings.schema} ms (bootstrap, migrations, seed) + ${stack.timings.gateway} ms (gateway)`,
    '',
    `Demo logins (password for all: ${DEMO_PASSWORD}; demo data only):`,
    `  ${'email'.padEnd(width)}  ${'role'.padEnd(8)}  area`,
    ...table,
  ].join('\n')
}

/** Operator errors (port taken, cluster already running) print as one message, not a stack trace. */
export function exitWithMessage(error: unknown): never {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}

/** Runs `stop` once on Ctrl-C or SIGTERM, then exits. */
export function stopOnSignal(stop: () => Promise<void>): void {
  let stopping = false
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping…`)
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
}
