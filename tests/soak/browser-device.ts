import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { startChromium, type ChromiumProcess } from '../support/chromium-process'
import { signInThroughUi } from '../support/synced-app'

/** One soak device: a real Chromium on its own profile directory, with two tabs of its user. */
export interface BrowserDevice {
  email: string
  profileDir: string
  chromium: ChromiumProcess
  tabs: Page[]
}

const campo = async (tab: Page, appUrl: string) => void (await tab.goto(`${appUrl}/campo`))

async function openTabs(device: BrowserDevice, appUrl: string): Promise<void> {
  const first = device.chromium.context.pages()[0] ?? (await device.chromium.context.newPage())
  const second = await device.chromium.context.newPage()
  for (const tab of [first, second]) await campo(tab, appUrl)
  device.tabs = [first, second]
}

/**
 * A fresh profile, `prepare`d first if given (e.g. an older database written into it), then
 * signed in through the app, with its two tabs open on /campo.
 */
export async function startBrowserDevice(email: string, appUrl: string, prepare?: (device: BrowserDevice) => Promise<void>): Promise<BrowserDevice> {
  const profileDir = await mkdtemp(join(tmpdir(), 'sulcampo-soak-chromium-'))
  const device: BrowserDevice = { email, profileDir, chromium: await startChromium(profileDir), tabs: [] }
  await prepare?.(device)
  const page = device.chromium.context.pages()[0] ?? (await device.chromium.context.newPage())
  await signInThroughUi(page, appUrl, email)
  await openTabs(device, appUrl)
  return device
}

/** After a SIGKILL: the browser again on the same profile, both tabs reopened. */
export async function restartBrowserDevice(device: BrowserDevice, appUrl: string): Promise<void> {
  device.chromium = await startChromium(device.profileDir)
  await openTabs(device, appUrl)
}

/**
 * Crashes one tab's renderer (CDP Page.crash, as an out-of-memory kill would), then opens a new
 * tab on the same profile in its place. The browser and the other tab live on.
 */
export async function crashTab(device: BrowserDevice, index: number, appUrl: string): Promise<void> {
  const tab = device.tabs[index]!
  const crashed = tab.waitForEvent('crash', { timeout: 10_000 })
  const session = await device.chromium.context.newCDPSession(tab)
  // Never answered: the renderer is gone before it could reply.
  session.send('Page.crash').catch(() => undefined)
  await crashed
  await tab.close().catch(() => undefined)
  const fresh = await device.chromium.context.newPage()
  await campo(fresh, appUrl)
  device.tabs[index] = fresh
}

export async function closeBrowserDevice(device: BrowserDevice): Promise<void> {
  await device.chromium.close()
  await rm(device.profileDir, { recursive: true, force: true })
}
