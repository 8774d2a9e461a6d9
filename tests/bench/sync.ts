/**
 * `npm run bench:sync`: against a throwaway local stack, in real Chromium (IndexedDB + supabase-js
 * + the engine's own push/pull code), times
 *   - the engine pushing 10,000 queued entries in batches, vs one `sync_push` call per entry
 *     (a sample, extrapolated; same data shape, fresh ids) — the ratio is printed as context,
 *   - the bytes one mutation costs on the wire, up and down,
 *   - a pull of 50,000 rows (made server-side with generate_series) into an empty device database,
 *     and the same rows written by plain IndexedDB puts in the same browser: the pull's floor,
 *   - the batched vs one-call-per-entry push again over an emulated 4G-like link (sync-field-link.ts).
 * Targets (issue 16): push ≥ 4,000 entries/s on loopback and ≥ 600 entries/s over the 4G-like
 * link; pull ≥ 80% of the raw IndexedDB ingest measured in the same run.
 */
import { cpus, loadavg } from 'node:os'
import pg from 'pg'
import { DEMO_PASSWORD } from '../../supabase/local/describe-stack'
import { startStack, type Stack } from '../../supabase/local/stack'
import { PULL_PAGE_SIZE } from '~/sync/pull'
import { PUSH_BATCH_SIZE } from '~/sync/push'
import { launchBrowser } from '../support/browser'
import { withCpu } from './process-cpu'
import { bundlePage, openBundledPage } from './page-bundle'
import { recordBenchmark } from './results'
import { pushOverFieldLink, type BenchCall } from './sync-field-link'

const PUSHED = 10_000
const SINGLE_SAMPLE = Number(process.env.BENCH_SYNC_SINGLES ?? 1_000)
const PULLED = 50_000
const SEED_CHUNK = Number(process.env.BENCH_SYNC_SEED_CHUNK ?? 200)
/** A smaller outbox per candidate size, to see whether PUSH_BATCH_SIZE is the right one (BENCH_SYNC_SWEEP="" skips it). */
const SWEEP_ENTRIES = 2_000
const SWEEP_SIZES = (process.env.BENCH_SYNC_SWEEP ?? '100,200,500,1000').split(',').filter(Boolean).map(Number)
const TARGETS = { pushPerSecond: 4_000, fieldLinkPerSecond: 600, pullShareOfRaw: 80 }

const WORKER_ID = '5c000000-0000-4000-8000-000000000004'
const rate = (count: number, ms: number) => Math.round((count / ms) * 1000)
const seconds = (ms: number) => (ms / 1000).toFixed(2)
const share = (run: { ms: number; serverMs: number }) => `${Math.round((run.serverMs / run.ms) * 100)}% waiting for the server`

/**
 * 50,000 territory checks by the worker: the pull's source rows. Committed SEED_CHUNK rows per
 * transaction, as device batches reach the server (rows of one transaction share a txid).
 */
async function seedPullRows(stack: Stack): Promise<void> {
  const client = new pg.Client({ connectionString: stack.databaseUrl })
  await client.connect()
  try {
    for (let from = 1; from <= PULLED; from += SEED_CHUNK) {
      await client.query(
        `insert into public.entries (id, objective_id, kind, payload, occurred_at, author_id)
         select gen_random_uuid(), 'terr-segnaletica', 'territory_check',
                jsonb_build_object('topic', 'vasp', 'place', 'Località ' || n, 'outcome', 'ok', 'notes', ''),
                timestamptz '2025-01-01' + n * interval '1 minute', $1
         from generate_series($2::int, $3::int) n`,
        [WORKER_ID, from, Math.min(PULLED, from + SEED_CHUNK - 1)],
      )
    }
    // What autovacuum does on a live server; without statistics the planner scans every row past the cursor per page.
    await client.query('analyze public.entries')
  } finally {
    await client.end()
  }
}

async function main(): Promise<void> {
  const stack = await startStack()
  const browser = await launchBrowser({ viewport: { width: 1280, height: 900 } })
  let stopPage = async (): Promise<void> => undefined
  try {
    const seeding = performance.now()
    await seedPullRows(stack)
    console.log(`bench:sync: stack at ${stack.supabaseUrl}, ${PULLED} rows seeded server-side in ${seconds(performance.now() - seeding)} s`)
    const page = await browser.context.newPage()
    const served = await openBundledPage(page, await bundlePage(new URL('./sync-page.ts', import.meta.url), 'syncBenchPage'))
    stopPage = served.close
    const bench: BenchCall = (name, ...args) =>
      page.evaluate(([n, a]) => (window as unknown as { syncBench: Record<string, (...x: unknown[]) => unknown> }).syncBench[n]!(...a), [name, args] as const) as never
    const signIn = (email: string) => bench('signIn', stack.supabaseUrl, stack.anonKey, email, DEMO_PASSWORD)

    await signIn('agente2@sulcampo.test')
    console.log(`batch size sweep (${SWEEP_ENTRIES} entries each):`)
    for (const size of SWEEP_SIZES) {
      await bench('queue', SWEEP_ENTRIES, `Sweep ${size}`)
      const run = await bench('pushQueued', size)
      console.log(`  ${String(size).padStart(5)} per call: ${rate(run.applied, run.ms)} entries/s (${seconds(run.ms)} s, ${share(run)})`)
    }

    await bench('queue', PUSH_BATCH_SIZE, 'Wire')
    const wire = await bench('wireBytes', PUSH_BATCH_SIZE)
    console.log(`bytes per mutation on the wire (JSON, one batch of ${PUSH_BATCH_SIZE}): ${Math.round(wire.upPerMutation)} up, ${Math.round(wire.downPerMutation)} down`)

    await bench('queue', PUSHED, 'Bench')
    const { value: pushed, cpu: pushCpu } = await withCpu(() => bench('pushQueued', PUSH_BATCH_SIZE))
    if (pushed.applied !== PUSHED || pushed.left !== 0) throw new Error(`push applied ${pushed.applied}, left ${pushed.left}`)
    const single = await bench('pushOneByOne', SINGLE_SAMPLE, 'Single')
    const singleRate = rate(SINGLE_SAMPLE, single.ms)
    const singleTotalMs = (single.ms / SINGLE_SAMPLE) * PUSHED
    const pushRate = rate(PUSHED, pushed.ms)
    const ratio = Math.round((singleTotalMs / pushed.ms) * 10) / 10
    console.log(`push ${PUSHED} queued entries, engine (${PUSH_BATCH_SIZE} per call, ${pushed.batches} calls): ${seconds(pushed.ms)} s, ${pushRate} entries/s, ${share(pushed)}`)
    console.log(`  CPU used meanwhile: ${pushCpu}`)
    console.log(
      `push one call per entry: ${SINGLE_SAMPLE} timed in ${seconds(single.ms)} s (${singleRate} entries/s, ${share(single)})` +
        (SINGLE_SAMPLE < PUSHED ? `, extrapolated to ${PUSHED}: ${seconds(singleTotalMs)} s` : ''),
    )
    console.log(`batch/per-entry ratio: ${ratio}× (context, no target since issue 16)`)
    const field = await pushOverFieldLink(page, bench, PUSH_BATCH_SIZE)
    // Context for the target above, not a target of its own: there a batch is bound by the upload, a single call by the round trip.
    console.log(`over a 4G-like link (${field.describe}): engine ${Math.round(field.batchRate)} entries/s, one call per entry ${field.singleRate.toFixed(1)} entries/s, ratio ${field.ratio}×`)

    await signIn('tecnico@sulcampo.test')
    const { value: pulled, cpu: pullCpu } = await withCpu(() => bench('pullAll', PULL_PAGE_SIZE))
    const pullRate = rate(pulled.stored, pulled.ms)
    console.log(`pull into an empty device database: ${pulled.stored} rows (${pulled.onDevice} entries stored) in ${pulled.pages} pages of ${PULL_PAGE_SIZE}: ${seconds(pulled.ms)} s, ${pullRate} rows/s, ${share(pulled)}`)
    console.log(`  CPU used meanwhile: ${pullCpu}`)
    const raw = await bench('rawIngest', PULL_PAGE_SIZE)
    const rawRate = rate(raw.rows, raw.ms)
    const pullShare = Math.round((pullRate / rawRate) * 100)
    console.log(`raw IndexedDB ingest of the same ${raw.rows} rows (plain puts, same indexes, ${PULL_PAGE_SIZE} per relaxed transaction): ${rawRate} rows/s; pull at ${pullShare}% of it (target ≥ ${TARGETS.pullShareOfRaw}%)`)

    // Other work on the machine skews every figure here; say how busy it was.
    const where = `Chromium + IndexedDB, local stack; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`
    console.log(`measured in ${where}`)
    recordBenchmark('sync push 10k entries', {
      figure: pushRate, unit: 'entries/s', target: TARGETS.pushPerSecond, comparator: '>=',
      details: { seconds: pushed.ms / 1000, batchSize: PUSH_BATCH_SIZE, ratioToOneCallPerEntry: ratio, singleRate, wire, where },
    })
    recordBenchmark('sync push over 4G-like link', { figure: Math.round(field.batchRate), unit: 'entries/s', target: TARGETS.fieldLinkPerSecond, comparator: '>=', details: { ...field, wire } })
    recordBenchmark('sync pull share of raw IndexedDB', {
      figure: pullShare, unit: '%', target: TARGETS.pullShareOfRaw, comparator: '>=',
      details: { pullRowsPerSecond: pullRate, rawRowsPerSecond: rawRate, rows: pulled.stored, seconds: pulled.ms / 1000, pageSize: PULL_PAGE_SIZE, where },
    })
  } finally {
    await browser.close()
    await stopPage()
    await stack.stop()
  }
}

await main()
