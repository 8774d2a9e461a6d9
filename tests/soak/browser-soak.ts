import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import type { Page } from 'playwright-core'
import type { Stack } from '../../supabase/local/stack'
import { startChromium, type ChromiumProcess } from '../support/chromium-process'
import { entriesAt, pendingText, queryServer, signInThroughUi } from '../support/synced-app'
import { seededRandom, type Random } from './seeded-random'

/**
 * The browser chaos soak (issue 14 item 2, first version): each device is a real Chromium process
 * with its own profile on disk, signed in through the app, logging checkpoints through its UI in
 * two tabs of the same user that save and sync at once. Faults: the whole browser SIGKILLed right
 * after "Salva" is tapped, or while a push is on its way, then started again on the same profile.
 * After healing, every save the UI confirmed must be on the server exactly once, no unconfirmed one
 * twice, and every device must hold what the server holds.
 */
export interface BrowserSoakOptions {
  appUrl: string
  stack: Pick<Stack, 'databaseUrl'>
  /** One device per account. */
  emails: string[]
  savesPerDevice: number
  seed: number
  chances: { killDuringSave: number; killDuringPush: number }
  progress?: (line: string) => void
}

export interface BrowserSoakReport {
  seed: number
  devices: number
  confirmed: number
  unconfirmed: number
  /** Unconfirmed saves that did reach the server (allowed: the write completed before the kill). */
  unconfirmedOnServer: number
  onServer: number
  duplicates: number
  lost: number
  faults: { kill_during_save: number; kill_during_push: number }
  restarts: number
  /** Saves made in the second tab while the first was open on the same profile. */
  secondTabSaves: number
  notConverged: string[]
  totalMs: number
}

interface Device {
  email: string
  profileDir: string
  chromium: ChromiumProcess
  tabs: Page[]
}

const PLACE_LABEL = 'Luogo (via, civico, località)'

async function openTabs(device: Device, appUrl: string): Promise<void> {
  const first = device.chromium.context.pages()[0] ?? (await device.chromium.context.newPage())
  const second = await device.chromium.context.newPage()
  for (const tab of [first, second]) await tab.goto(`${appUrl}/campo`)
  device.tabs = [first, second]
}

async function startDevice(email: string, appUrl: string): Promise<Device> {
  const profileDir = await mkdtemp(join(tmpdir(), 'sulcampo-soak-chromium-'))
  const chromium = await startChromium(profileDir)
  const page = chromium.context.pages()[0] ?? (await chromium.context.newPage())
  await signInThroughUi(page, appUrl, email)
  const device: Device = { email, profileDir, chromium, tabs: [] }
  await openTabs(device, appUrl)
  return device
}

async function restart(device: Device, appUrl: string): Promise<void> {
  device.chromium = await startChromium(device.profileDir)
  await openTabs(device, appUrl)
}

async function fillCheckpoint(tab: Page, appUrl: string, place: string): Promise<void> {
  await tab.goto(`${appUrl}/campo/nuovo/checkpoint`)
  await tab.getByLabel(PLACE_LABEL).fill(place)
  await tab.getByRole('button', { name: 'Salva' }).click()
}

/** The fault's moment: a random few milliseconds into the save or the push (chaos timing, not a wait). */
const killAfter = (random: Random, maxMs: number) => delay(random.below(maxMs))

/**
 * Polls the device's own status line until `done` holds, pressing "Sincronizza ora" as a user
 * would between looks; the reason it did not, past the deadline.
 */
async function settle(device: Device, appUrl: string, done: (tab: Page) => Promise<boolean>, what: string): Promise<string | null> {
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

export async function runBrowserSoak(options: BrowserSoakOptions): Promise<BrowserSoakReport> {
  const started = performance.now()
  const random = seededRandom(options.seed)
  const prefix = `soak-browser-${options.seed}-${Date.now()}`
  const report: BrowserSoakReport = {
    seed: options.seed, devices: options.emails.length, confirmed: 0, unconfirmed: 0, unconfirmedOnServer: 0, onServer: 0,
    duplicates: 0, lost: 0, faults: { kill_during_save: 0, kill_during_push: 0 }, restarts: 0, secondTabSaves: 0, notConverged: [], totalMs: 0,
  }
  const confirmed = new Set<string>()
  const unconfirmed = new Set<string>()
  const devices: Device[] = []
  try {
    for (const email of options.emails) devices.push(await startDevice(email, options.appUrl))
    for (let n = 1; n <= options.savesPerDevice; n++) {
      for (const [d, device] of devices.entries()) {
        const tabIndex = n % 2
        const tab = device.tabs[tabIndex]!
        const place = `${prefix} d${d} #${n}`
        await fillCheckpoint(tab, options.appUrl, place)
        if (random.chance(options.chances.killDuringSave)) {
          await killAfter(random, 40)
          await device.chromium.kill()
          unconfirmed.add(place)
          report.faults.kill_during_save++
          await restart(device, options.appUrl)
          report.restarts++
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
          await killAfter(random, 60)
          await device.chromium.kill()
          report.faults.kill_during_push++
          await restart(device, options.appUrl)
          report.restarts++
        }
      }
      options.progress?.(`round ${n}: ${confirmed.size} confirmed, ${unconfirmed.size} unconfirmed, ${report.restarts} restarts`)
    }

    // Healing: no more faults; every device sends what it still holds, then holds what the server holds.
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
    for (const device of devices) {
      await device.chromium.close()
      await rm(device.profileDir, { recursive: true, force: true })
    }
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

export function formatBrowserSoakReport(report: BrowserSoakReport): string {
  return [
    `browser soak (seed ${report.seed}, ${report.devices} Chromium devices × 2 tabs, ${(report.totalMs / 1000).toFixed(1)} s)`,
    `  faults: kill_during_save ${report.faults.kill_during_save}, kill_during_push ${report.faults.kill_during_push}; restarts on the same profile: ${report.restarts}; saves from the second tab: ${report.secondTabSaves}`,
    `  confirmed saves: ${report.confirmed}; unconfirmed (killed after "Salva"): ${report.unconfirmed}, of which on the server: ${report.unconfirmedOnServer}`,
    `  on the server: ${report.onServer}; duplicates: ${report.duplicates}; lost: ${report.lost}; devices not converged: ${report.notConverged.length}`,
  ].join('\n')
}
