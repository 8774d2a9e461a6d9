// First: the simulated devices' IndexedDB must exist before Dexie looks for it.
import 'fake-indexeddb/auto'
import { startStack } from '../../supabase/local/stack'
import { runSoak } from './run-soak'
import { formatSoakReport, soakProblems } from './summary'

/**
 * `npm run soak`: the long chaos soak on its own throwaway stack (loopback only).
 * Bounded: it stops after SOAK_ENTRIES entries per device or SOAK_MINUTES of rounds,
 * whichever comes first, then converges and prints one summary. Exit code 1 on any problem.
 */
const ENTRIES_PER_DEVICE = Number(process.env.SOAK_ENTRIES ?? 350)
const MAX_MINUTES = Number(process.env.SOAK_MINUTES ?? 8)
const SEED = Number(process.env.SOAK_SEED ?? 20261126)

async function main(): Promise<void> {
  const stack = await startStack()
  // Ctrl-C must not leave the throwaway cluster running in the temp folder.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stack.stop().finally(() => process.exit(130)))
  console.log(`soak: throwaway stack at ${stack.supabaseUrl}; 3 devices × ${ENTRIES_PER_DEVICE} entries, at most ${MAX_MINUTES} min, seed ${SEED}`)
  try {
    const report = await runSoak({
      stack,
      entriesPerDevice: ENTRIES_PER_DEVICE,
      entriesPerRound: 5,
      durationMs: MAX_MINUTES * 60_000,
      seed: SEED,
      faults: { rate: 0.25 },
      restartPostgres: 3,
      chances: { offline: 0.06, reload: 0.06 },
      invalidRate: 0.01,
      pauseBetweenRoundsMs: 2_500,
      progress: (line) => console.log(`soak: ${line}`),
    })
    console.log(formatSoakReport(report))
    const problems = soakProblems(report)
    if (problems.length > 0) {
      console.error(`soak FAILED:\n  ${problems.join('\n  ')}`)
      process.exitCode = 1
    } else console.log('soak passed: every entry on the server exactly once, every device converged, every outbox empty')
  } finally {
    await stack.stop()
  }
}

main().catch((error: unknown) => {
  console.error('soak:', error)
  process.exitCode = 1
})
