import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSyncedAppThroughFaults, type SoakNetwork } from '../soak/browser-network'
import { browserSoakProblems, DEVICE_FAULT_KINDS, formatBrowserSoakReport, runBrowserSoak } from '../soak/browser-soak'
import { DEMO } from '../support/supabase-clients'
import type { SyncedApp } from '../support/synced-app'

const SEED = 14

describe('browser chaos soak, short variant (npm run soak:browser for the long one)', () => {
  let synced: SyncedApp
  let network: SoakNetwork
  beforeAll(async () => {
    ;({ synced, network } = await startSyncedAppThroughFaults({ rate: 0.3 }, SEED))
  })
  afterAll(async () => {
    await synced?.close()
  })

  it('3 Chromium devices × 2 tabs behind the fault proxy keep every confirmed save exactly once through kills, a tab crash and a reload mid-upgrade', async () => {
    const report = await runBrowserSoak({
      appUrl: synced.app.url,
      stack: synced.stack,
      network,
      accounts: [DEMO.officer, DEMO.secondOfficer, DEMO.policeManager],
      queuedBeforeUpgrade: 3,
      savesPerDevice: 6,
      seed: SEED,
      chances: { killDuringSave: 0.2, tabCrash: 0.2, killDuringPush: 0.25 },
    })
    console.info(formatBrowserSoakReport(report))
    expect(browserSoakProblems(report)).toEqual([])
    for (const kind of DEVICE_FAULT_KINDS) expect(report.faults[kind], kind).toBeGreaterThan(0)
    expect(Object.values(report.network).reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
    expect(report.secondTabSaves).toBeGreaterThan(0)
    expect(report.confirmed).toBeGreaterThan(report.queuedBeforeUpgrade)
  }, 400_000)
})
