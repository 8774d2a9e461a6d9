import { setTimeout as delay } from 'node:timers/promises'
import type { Page } from 'playwright-core'
import type { Stack } from '../../supabase/local/stack'
import { FAULT_KINDS, type FaultKind } from '../support/fault-proxy'
import type { DemoAccount } from '../support/supabase-clients'
import { entriesAt, pendingText, queryServer } from '../support/synced-app'
import { closeBrowserDevice, crashTab, restartBrowserDevice, startBrowserDevice, type BrowserDevice } from './browser-device'
import type { SoakNetwork } from './browser-network'
import { seededRandom, type Random } from './seeded-random'
import { reloadDuringUpgrade } from './upgrade-device'

/**
 * The browser chaos soak (issue 14 item 2): each device is a real Chromium process with its own
 * profile on disk, signed in through the app, logging checkpoints through its UI in two tabs of
 * the same user that save and sync at once, every request crossing the fault proxy (`network`).
 * Faults besides the network's: the whole browser SIGKILLed right after "Salva" is tapped or
 * while a push is on its way, then started again on the same profile; a tab's renderer crashed
 * right after "Salva", a new tab taking its place; the first device starting from a
 * first-release database with saves still queued, reloaded while its schema upgrade runs.
 * After healing, every save the UI confirmed must be on the server exactly once, no unconfirmed
 * one twice, and every device must hold what the server holds.
 */
export interface BrowserSoakOptions {
  appUrl: string
  stack: Pick<Stack, 'databaseUrl'>
  network: SoakNetwork
  /** One device per account; the first is the one reloaded during its schema upgrade. */
  accounts: DemoAccount[]
  /** Saves queued in the first device's first-release database before its upgrade. */
  queuedBeforeUpgrade: number
  savesPerDevice: number
  seed: number
  chances: { killDuringSave: number; tabCrash: number; killDuringPush: number }
  progress?: (line: string) => void
}

export const DEVICE_FAULT_KINDS = ['kill_during_save', 'kill_during_push', 'tab_crash', 'reload_during_upgrade'] as const
export type DeviceFaultKind = (typeof DEVICE_FAULT_KINDS)[number]

export interface BrowserSoakReport {
  seed: number
  devices: number
  /** Saves the UI confirmed, the ones queued before the upgrade included. */
  confirmed: number
  unconfirmed: number
  /** Unconfirmed saves that did reach the server (allowed: the write completed before the fault). */
  unconfirmedOnServer: number
  onServer: number
  duplicates: number
  lost: number
  faults: Record<DeviceFaultKind, number>
  network: Record<FaultKind, number>
  restarts: number
  /** Saves made in the second tab while the first was open on the same profile. */
  secondTabSaves: number
  queuedBeforeUpgrade: number
  notConverged: string[]
  totalMs: number
}

const PLACE_LABEL = 'Luogo (via, civico, località)'

async function fillCheckpoint(tab: Page, appUrl: string, place: string): Promise<void> {
  await tab.goto(`${appUrl}/campo/nuovo/checkpoint`)
  await tab.getByLabel(PLACE_LABEL).fill(place)
  await tab.getByRole('button', { name: 'Salva' }).click()
}

/** The fault's moment: a random few milliseconds into the save or the push (chaos timing, not a wait). */
const faultAfter = (random: Random, maxMs: number) => delay(random.below(maxMs))

/**
 * Polls the device's own status line until `done` holds, pressing "Sincronizza ora" as a user
 * would between looks; the reason it did not, past the deadline.
 */
async function settle(device: BrowserDevice, appUrl: string, done: (tab: Page) => Promise<boolean>, what: string): Promise<string | null> {
  const tab = device.tabs[0]!
  await tab.goto(`${appUrl}/campo`)
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (await done(tab)) return null
    await tab.locator('[data-test="sync-now"]:enabled').click({ timeout: 5_000 }).catch(() => undefined)
    await delay(1_000) // between looks at the app's own status line
  }
  return `${device.email}: ${what} ("${await pendingText(tab)}")`
}

const countOnServer = async (stack: Pick<Stack, 'databaseUrl'>, prefix: string): Promise<Map<string, number>> =>
  new Map(
    (await queryServer<{ place: string; count: string }>(
      stack as Stack,
      `select payload ->> 'place' as place, count(*) from public.entries where payload ->> 'place' like $1 group by 1`,
      [`${prefix}%`],
    )).map((row) => [row.place, Number(row.count)]),
  )

const profileOf = (account: DemoAccount) => ({ userId: account.id, displayName: account.email, role: account.role, areaId: account.area })

export async function runBrowserSoak(options: BrowserSoakOptions): Promise<BrowserSoakReport> {
  const started = performance.now()
  const random = seededRandom(options.seed)
  const prefix = `soak-browser-${options.seed}-${Date.now()}`
  const report: BrowserSoakReport = {
    seed: options.seed, devices: options.accounts.length, confirmed: 0, unconfirmed: 0, unconfirmedOnServer: 0, onServer: 0, duplicates: 0, lost: 0,
    faults: Object.fromEntries(DEVICE_FAULT_KINDS.map((kind) => [kind, 0])) as Record<DeviceFaultKind, number>,
    network: { ...options.network.proxy.injected }, restarts: 0, secondTabSaves: 0, queuedBeforeUpgrade: 0, notConverged: [], totalMs: 0,
  }
  const confirmed = new Set<string>()
  const unconfirmed = new Set<string>()
  const devices: BrowserDevice[] = []
  const restart = async (device: BrowserDevice) => {
    await device.chromium.kill()
    await restartBrowserDevice(device, options.appUrl)
    report.restarts++
  }
  try {
    for (const [d, account] of options.accounts.entries()) {
      const queued = d === 0 ? Array.from({ length: options.queuedBeforeUpgrade }, (_, i) => `${prefix} d0 queued #${i + 1}`) : []
      const prepare = queued.length > 0 ? (device: BrowserDevice) => reloadDuringUpgrade(device, options.appUrl, profileOf(account), queued) : undefined
      devices.push(await startBrowserDevice(account.email, options.appUrl, prepare))
      if (prepare) report.faults.reload_during_upgrade++
      for (const place of queued) confirmed.add(place)
    }
    report.queuedBeforeUpgrade = options.queuedBeforeUpgrade
    for (let n = 1; n <= options.savesPerDevice; n++) {
      for (const [d, device] of devices.entries()) {
        const tabIndex = n % 2
        const tab = device.tabs[tabIndex]!
        const place = `${prefix} d${d} #${n}`
        await fillCheckpoint(tab, options.appUrl, place)
        if (random.chance(options.chances.killDuringSave)) {
          await faultAfter(random, 40)
          unconfirmed.add(place)
          report.faults.kill_during_save++
          await restart(device)
          continue
        }
        if (random.chance(options.chances.tabCrash)) {
          await faultAfter(random, 40)
          unconfirmed.add(place)
          report.faults.tab_crash++
          await crashTab(device, tabIndex, options.appUrl)
          continue
        }
        await tab.waitForURL('**/campo')
        confirmed.add(place)
        if (tabIndex === 1) report.secondTabSaves++
        if (random.chance(options.chances.killDuringPush)) {
          // Either tab may hold the sync lock: the push is awaited on the whole browser.
          const pushing = device.chromium.context.waitForEvent('request', { predicate: (r) => r.url().includes('/rpc/sync_push'), timeout: 10_000 })
          await tab.locator('[data-test="sync-now"]').click({ timeout: 2_000 }).catch(() => undefined)
          await pushing.catch(() => undefined)
          await faultAfter(random, 60)
          report.faults.kill_during_push++
          await restart(device)
        }
      }
      options.progress?.(`round ${n}: ${confirmed.size} confirmed, ${unconfirmed.size} unconfirmed, ${report.restarts} restarts, network faults ${JSON.stringify(options.network.proxy.injected)}`)
    }

    // Healing: no more faults; every device sends what it still holds, then holds what the server holds.
    options.network.plan.heal()
    report.network = { ...options.network.proxy.injected }
    for (const device of devices) {
      const stuck = await settle(device, options.appUrl, async (tab) => (await pendingText(tab)) === 'Tutto inviato', 'outbox not empty')
      if (stuck) report.notConverged.push(stuck)
    }
    const onServer = await countOnServer(options.stack, prefix)
    report.confirmed = confirmed.size
    report.unconfirmed = unconfirmed.size
    report.onServer = [...onServer.values()].reduce((a, b) => a + b, 0)
    report.duplicates = [...onServer.values()].filter((count) => count > 1).length
    report.lost = [...confirmed].filter((place) => !onServer.has(place)).length
    report.unconfirmedOnServer = [...unconfirmed].filter((place) => onServer.has(place)).length
    for (const device of devices) {
      const stuck = await settle(device, options.appUrl, async (tab) => (await entriesAt(tab, prefix)) === report.onServer, `does not hold the ${report.onServer} rows of the server`)
      if (stuck) report.notConverged.push(stuck)
    }
  } finally {
    for (const device of devices) await closeBrowserDevice(device)
  }
  report.totalMs = performance.now() - started
  return report
}

export function browserSoakProblems(report: BrowserSoakReport): string[] {
  const problems = [...report.notConverged]
  if (report.lost) problems.push(`${report.lost} confirmed saves lost`)
  if (report.duplicates) problems.push(`${report.duplicates} saves on the server more than once`)
  if (report.onServer !== report.confirmed + report.unconfirmedOnServer) problems.push(`${report.onServer} rows on the server for ${report.confirmed} confirmed + ${report.unconfirmedOnServer} unconfirmed saves`)
  return problems
}

const byKind = (counts: Record<string, number>) => Object.entries(counts).map(([kind, count]) => `${kind} ${count}`).join(', ')

export function formatBrowserSoakReport(report: BrowserSoakReport): string {
  const networkTotal = FAULT_KINDS.reduce((sum, kind) => sum + report.network[kind], 0)
  return [
    `browser soak (seed ${report.seed}, ${report.devices} Chromium devices × 2 tabs, ${(report.totalMs / 1000).toFixed(1)} s)`,
    `  device faults: ${byKind(report.faults)}; restarts on the same profile: ${report.restarts}; saves from the second tab: ${report.secondTabSaves}`,
    `  network faults (${networkTotal}): ${byKind(report.network)}`,
    `  confirmed saves: ${report.confirmed} (${report.queuedBeforeUpgrade} queued before the upgrade); unconfirmed (browser killed or tab crashed after "Salva"): ${report.unconfirmed}, of which on the server: ${report.unconfirmedOnServer}`,
    `  on the server: ${report.onServer}; duplicates: ${report.duplicates}; lost: ${report.lost}; devices not converged: ${report.notConverged.length}`,
  ].join('\n')
}
