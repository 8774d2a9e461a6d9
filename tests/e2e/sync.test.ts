import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../supabase/local/describe-stack'
import { serveApp, type AppServer } from '../../supabase/local/serve-app'
import { startStack, type Stack } from '../../supabase/local/stack'
import { launchBrowser, type LaunchedBrowser } from '../support/browser'
import { countRows } from './field-log-helpers'

const root = fileURLToPath(new URL('../..', import.meta.url))
const OFFICER_ID = '5c000000-0000-4000-8000-000000000001'

/** Entries on this device's IndexedDB whose place starts with `prefix` (what the pull really stored). */
function entriesAt(page: Page, prefix: string): Promise<number> {
  return page.evaluate(
    (start) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('sulcampo')
        open.onsuccess = () => {
          const request = open.result.transaction('entries').objectStore('entries').getAll()
          request.onsuccess = () => {
            open.result.close()
            resolve((request.result as { payload: { place?: string } }[]).filter((e) => e.payload.place?.startsWith(start)).length)
          }
          request.onerror = () => reject(request.error)
        }
        open.onerror = () => reject(open.error)
      }),
    prefix,
  )
}

describe('sync in Chromium against a real local stack', () => {
  let stack: Stack
  let app: AppServer
  let outDir: string
  const browsers: LaunchedBrowser[] = []

  beforeAll(async () => {
    stack = await startStack()
    outDir = await mkdtemp(join(tmpdir(), 'sulcampo-synced-build-'))
    // One synced build for this file: the global setup's dist/ is device-only.
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, VITE_SUPABASE_URL: stack.supabaseUrl, VITE_SUPABASE_ANON_KEY: stack.anonKey },
    })
    app = await serveApp({ dir: outDir, supabaseUrl: stack.supabaseUrl })
  })

  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()))
    await app?.close()
    await stack?.stop()
    if (outDir) await rm(outDir, { recursive: true, force: true })
  })

  /** A fresh Chromium profile signed in through the sign-in screen, with the service worker in control. */
  async function signedIn(email: string): Promise<{ browser: LaunchedBrowser; page: Page }> {
    const browser = await launchBrowser()
    browsers.push(browser)
    const page = await browser.context.newPage()
    await page.goto(`${app.url}/accedi`)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Accedi' }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/accedi'))
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await page.goto(`${app.url}/campo`)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    return { browser, page }
  }

  const pendingText = (page: Page) => page.locator('[data-test="sync-pending"]').textContent()

  it('3 checkpoints logged offline survive a reload as pending, sync once online, and reach the area manager', async () => {
    const place = `Controllo e2e ${Date.now()}`
    const { browser, page } = await signedIn('agente@sulcampo.test')
    await browser.context.setOffline(true)
    for (let n = 1; n <= 3; n++) {
      await page.goto(`${app.url}/campo/nuovo/checkpoint`)
      await page.getByLabel('Luogo (via, civico, località)').fill(`${place} #${n}`)
      await page.getByRole('button', { name: 'Salva' }).click()
      await page.waitForURL('**/campo')
    }

    await page.reload()
    const waiting = page.getByTestId('recent-entry').filter({ hasText: 'Da inviare' })
    await waiting.first().waitFor()
    await expect(waiting.count()).resolves.toBe(3)
    await expect(entriesAt(page, place)).resolves.toBe(3)
    await expect(pendingText(page)).resolves.toBe('3 registrazioni da inviare')

    await browser.context.setOffline(false)
    await expect.poll(() => pendingText(page), { timeout: 30_000 }).toBe('Tutto inviato')
    await expect(countRows(page, 'outbox')).resolves.toBe(0)
    // The home's badges are read when it opens (they do not follow a background sync yet).
    await page.reload()
    await page.getByTestId('recent-entry').first().waitFor()
    await expect(waiting.count()).resolves.toBe(0)
    await expect(entriesAt(page, place)).resolves.toBe(3)
    const onServer = await (async () => {
      const client = new pg.Client({ connectionString: stack.databaseUrl })
      await client.connect()
      try {
        const { rows } = await client.query(`select count(*) from public.entries where author_id = $1 and payload ->> 'place' like $2`, [OFFICER_ID, `${place}%`])
        return Number(rows[0].count)
      } finally {
        await client.end()
      }
    })()
    expect(onServer).toBe(3)

    const manager = await signedIn('comandante@sulcampo.test')
    await expect.poll(() => entriesAt(manager.page, place), { timeout: 30_000 }).toBe(3)
  })
})
