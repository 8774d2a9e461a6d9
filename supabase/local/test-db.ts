import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { startCluster } from './cluster'
import { runVisible } from './pg-tools'
import { REPO_ROOT, applySchema } from './schema'

/**
 * `npm run test:db`: a throwaway cluster with the bootstrap, the migrations and the
 * seed, then the pgTAP suite in supabase/tests with pg_prove. The cluster is deleted
 * whatever the outcome.
 */
const testsDir = join(REPO_ROOT, 'supabase', 'tests')
const tests = readdirSync(testsDir).filter((file) => file.endsWith('.sql')).sort()
const started = performance.now()
const cluster = await startCluster()
let failed = false
try {
  await applySchema(cluster.databaseUrl)
  if (tests.length === 0) {
    console.log('No pgTAP tests in supabase/tests: nothing to prove.')
  } else {
    const connection = ['-h', '127.0.0.1', '-p', String(cluster.port), '-U', 'postgres', '-d', 'postgres']
    await runVisible('pg_prove', [...connection, '--ext', '.sql', ...tests.map((file) => join('supabase', 'tests', file))], { cwd: REPO_ROOT })
  }
} catch (error) {
  failed = true
  console.error(error instanceof Error ? error.message : error)
} finally {
  await cluster.stop()
}
console.log(`test:db finished in ${((performance.now() - started) / 1000).toFixed(1)} s`)
process.exit(failed ? 1 : 0)
