import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser'

/**
 * A real Chromium on a profile directory on disk, started as its own process group and driven
 * over the DevTools protocol, so a test can SIGKILL it (browser, renderers, storage: all at once,
 * as a dying battery would) and start it again on the same profile.
 */
export interface ChromiumProcess {
  context: BrowserContext
  /** SIGKILL to the whole process group, then wait until the browser process is gone. */
  kill(): Promise<void>
  /** A clean shutdown (for the end of a run). */
  close(): Promise<void>
}

const PORT_FILE = 'DevToolsActivePort'
const START_TIMEOUT_MS = 30_000

async function devToolsPort(profileDir: string, exited: () => boolean): Promise<number> {
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline && !exited()) {
    const text = await readFile(join(profileDir, PORT_FILE), 'utf8').catch(() => '')
    const port = Number(text.split('\n')[0])
    if (port > 0) return port
    await delay(50) // polling a file Chromium writes once: there is no event to wait on
  }
  throw new Error(`Chromium on ${profileDir} did not open its DevTools port`)
}

export async function startChromium(profileDir: string): Promise<ChromiumProcess> {
  await rm(join(profileDir, PORT_FILE), { force: true })
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, '--headless', `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', '--lang=it-IT', '--window-size=360,740', 'about:blank'],
    { detached: true, stdio: 'ignore', env: { ...process.env, TZ: 'Europe/Rome' } },
  )
  let exited = false
  const exit = once(child, 'exit').then(() => (exited = true))
  const pid = child.pid!
  const signal = (name: NodeJS.Signals) => {
    if (exited) return
    try {
      process.kill(-pid, name)
    } catch {
      // The group is already gone.
    }
  }
  let browser: Browser
  try {
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${await devToolsPort(profileDir, () => exited)}`)
  } catch (error) {
    signal('SIGKILL')
    throw error
  }
  return {
    context: browser.contexts()[0]!,
    async kill() {
      signal('SIGKILL')
      await exit
    },
    async close() {
      await browser.close().catch(() => undefined)
      signal('SIGTERM')
      await exit
    },
  }
}
