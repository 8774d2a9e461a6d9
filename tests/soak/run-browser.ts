import { DEMO } from '../support/supabase-clients'
import { startSyncedAppThroughFaults } from './browser-network'
import { browserSoakProblems, formatBrowserSoakReport, runBrowserSoak } from './browser-soak'

/**
 * `npm run soak:browser`: the browser chaos soak on its own throwaway stack and build, behind
 * the fault proxy. SOAK_SAVES saves per device (default 30), SOAK_SEED. Exit code 1 on any problem.
 */
const SAVES = Number(process.env.SOAK_SAVES ?? 30)
const SEED = Number(process.env.SOAK_SEED ?? 20261203)

async function main(): Promise<void> {
  const { synced, network } = await startSyncedAppThroughFaults({ rate: 0.25 }, SEED)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void synced.close().finally(() => process.exit(130)))
  try {
    console.log(`soak:browser: app at ${synced.app.url} through the fault proxy; 3 devices × ${SAVES} saves, seed ${SEED}`)
    const report = await runBrowserSoak({
      appUrl: synced.app.url,
      stack: synced.stack,
      network,
      accounts: [DEMO.officer, DEMO.secondOfficer, DEMO.policeManager],
      queuedBeforeUpgrade: 5,
      savesPerDevice: SAVES,
      seed: SEED,
      chances: { killDuringSave: 0.12, tabCrash: 0.08, killDuringPush: 0.1 },
      progress: (line) => console.log(`soak:browser: ${line}`),
    })
    console.log(formatBrowserSoakReport(report))
    const problems = browserSoakProblems(report)
    if (problems.length > 0) {
      console.error(`soak:browser FAILED:\n  ${problems.join('\n  ')}`)
      process.exitCode = 1
    } else console.log('soak:browser passed: every confirmed save on the server exactly once, nothing twice, every device converged')
  } finally {
    await synced.close()
  }
}

main().catch((error: unknown) => {
  console.error('soak:browser:', error)
  process.exitCode = 1
})
