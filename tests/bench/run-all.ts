import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../../supabase/local/schema'
import { formatBenchmarkLine, readBenchmarks, resultsFile, type BenchmarkResults } from './results'

/**
 * `npm run bench`: every `bench:*` script of package.json in turn, then one table from
 * results.json. A missed target is a figure to fix, not a failure of the command: it exits
 * non-zero only when a benchmark crashed, i.e. exited non-zero without recording anything.
 */
function benchScripts(): string[] {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }
  return Object.keys(pkg.scripts ?? {}).filter((name) => name.startsWith('bench:'))
}

function recordedSince(results: BenchmarkResults, since: Date): string[] {
  return Object.keys(results).filter((name) => new Date(results[name]!.recordedAt) >= since)
}

const file = resultsFile()
const runStarted = new Date()
const crashed: string[] = []
for (const script of benchScripts()) {
  console.log(`\n=== npm run ${script}`)
  const started = new Date()
  const { status, signal } = spawnSync('npm', ['run', '--silent', script], { cwd: REPO_ROOT, stdio: 'inherit' })
  const recorded = recordedSince(readBenchmarks(file), started)
  if (status !== 0 && recorded.length === 0) crashed.push(`${script} (${signal ?? `exit ${status}`})`)
}

const results = readBenchmarks(file)
const fresh = new Set(recordedSince(results, runStarted))
console.log(`\nBenchmarks (${file}):`)
for (const name of Object.keys(results).sort()) {
  const stale = fresh.has(name) ? '' : `  stale, from ${results[name]!.recordedAt}`
  console.log(`  ${formatBenchmarkLine(name, results[name]!)}${stale}`)
}
const missed = [...fresh].filter((name) => !results[name]!.pass)
console.log(`\n${fresh.size} figures recorded, ${missed.length} missing their target${missed.length ? ` (${missed.join(', ')})` : ''}.`)
if (crashed.length) {
  console.error(`Crashed: ${crashed.join(', ')}`)
  process.exitCode = 1
}
