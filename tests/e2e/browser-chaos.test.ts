import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSoakProblems, formatBrowserSoakReport, runBrowserSoak } from '../soak/browser-soak'
import { startSyncedApp, type SyncedApp } from '../support/synced-app'

describe('browser chaos soak, short variant (npm run soak:browser for the long one)', () => {
  let synced: SyncedApp
  beforeAll(async () => {
    synced = await startSyncedApp()
  })
  afterAll(async () => {
    await synced?.close()
  })

  it('2 Chromium devices × 2 tabs keep every confirmed save exactly once through SIGKILLs during saves and pushes', async () => {
    const report = await runBrowserSoak({
      appUrl: synced.app.url,
      stack: synced.stack,
      emails: ['agente@sulcampo.test', 'agente2@sulcampo.test'],
      savesPerDevice: 6,
      seed: 14,
      chances: { killDuringSave: 0.3, killDuringPush: 0.3 },
    })
    console.info(formatBrowserSoakReport(report))
    expect(browserSoakProblems(report)).toEqual([])
    expect(report.faults.kill_during_save).toBeGreaterThan(0)
    expect(report.faults.kill_during_push).toBeGreaterThan(0)
    expect(report.secondTabSaves).toBeGreaterThan(0)
    expect(report.confirmed).toBeGreaterThan(0)
  }, 400_000)
})
