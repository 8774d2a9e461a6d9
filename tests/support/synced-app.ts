import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { DEMO_PASSWORD } from '../../supabase/local/describe-stack'
import { backendPublicReaders } from '../../supabase/local/public-readers'
import { serveApp, type AppServer } from '../../supabase/local/serve-app'
import { startStack, type Stack, type StackOptions } from '../../supabase/local/stack'
import { countRows } from '../e2e/field-log-helpers'
import { readAllRows } from '../e2e/idb-helpers'
import { launchBrowser, type LaunchedBrowser } from './browser'

const root = fileURLToPath(new URL('../..', import.meta.url))

export interface SignedInDevice {
  browser: LaunchedBrowser
  page: Page
}

/** A throwaway local stack with the app built against it and served: what a synced device talks to. */
export interface SyncedApp {
  stack: Stack
  app: AppServer
  /** A fresh Chromium profile signed in through the sign-in screen, with the service worker in control. */
  signedIn(email: string, options?: { viewport?: { width: number; height: number } }): Promise<SignedInDevice>
  /** Closes every browser it opened, the server, the stack and the build. */
  close(): Promise<void>
}

/** What the build talks to instead of the stack's gateway (e.g. a fault proxy in front of it). */
export interface AppFront {
  url: string
  close(): Promise<void>
}

export async function startSyncedApp(stackOptions: StackOptions = {}, front?: (stack: Stack) => Promise<AppFront>): Promise<SyncedApp> {
  const browsers: LaunchedBrowser[] = []
  let stack: Stack | undefined
  let app: AppServer | undefined
  let fronting: AppFront | undefined
  const outDir = await mkdtemp(join(tmpdir(), 'sulcampo-synced-build-'))
  const close = async () => {
    await Promise.all(browsers.map((b) => b.close()))
    await app?.close()
    await fronting?.close()
    await stack?.stop()
    await rm(outDir, { recursive: true, force: true })
  }
  try {
    stack = await startStack(stackOptions)
    fronting = await front?.(stack)
    const supabaseUrl = fronting?.url ?? stack.supabaseUrl
    // One synced build per file: the global setup's dist/ is device-only.
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, VITE_SUPABASE_URL: supabaseUrl, VITE_SUPABASE_ANON_KEY: stack.anonKey },
    })
    // The app's server reads the public readers (embed origins, open data) from the backend itself, past any front.
    app = await serveApp({ dir: outDir, supabaseUrl, publicReaders: backendPublicReaders(stack.supabaseUrl, stack.anonKey) })
  } catch (error) {
    await close()
    throw error
  }
  const served = app

  async function signedIn(email: string, options: { viewport?: { width: number; height: number } } = {}): Promise<SignedInDevice> {
    const browser = await launchBrowser(options)
    browsers.push(browser)
    const page = await browser.context.newPage()
    await signInThroughUi(page, served.url, email)
    await page.goto(`${served.url}/campo`)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    return { browser, page }
  }

  return { stack, app, signedIn, close }
}

/** Signs a demo user in on the sign-in screen and waits for the service worker to be ready. */
export async function signInThroughUi(page: Page, appUrl: string, email: string): Promise<void> {
  await page.goto(`${appUrl}/accedi`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Accedi' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/accedi'))
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
}

/** Entries on this device's IndexedDB whose place starts with `prefix` (what the pull really stored). */
export async function entriesAt(page: Page, prefix: string): Promise<number> {
  const rows = await readAllRows<{ payload: { place?: string } }>(page, 'entries')
  return rows.filter((e) => e.payload.place?.startsWith(prefix)).length
}

/** The sync status bar's summary ("Tutto inviato", "3 registrazioni da inviare"). */
export const pendingText = (page: Page) => page.locator('[data-test="sync-pending"]').textContent()

/**
 * Waits until the device has sent everything it saved. The outbox in IndexedDB is the truth: the
 * bar's count follows it a moment late, so right after "Salva" it can still read "Tutto inviato"
 * from before the save (a CI run once queried the server in that moment and found nothing).
 */
export async function waitUntilAllSent(page: Page): Promise<void> {
  await expect.poll(() => countRows(page, 'outbox'), { timeout: 30_000 }).toBe(0)
  await expect.poll(() => pendingText(page), { timeout: 30_000 }).toBe('Tutto inviato')
}

/** One query straight against the stack's database, as the operator would check it. */
export async function queryServer<Row extends Record<string, unknown>>(stack: Stack, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: stack.databaseUrl })
  await client.connect()
  try {
    return (await client.query<Row>(sql, params)).rows
  } finally {
    await client.end()
  }
}
