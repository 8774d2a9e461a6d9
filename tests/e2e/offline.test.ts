import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveApp, type AppServer } from '../../supabase/local/serve-app'
import { launchBrowser, type LaunchedBrowser } from '../support/browser'

const dist = fileURLToPath(new URL('../../dist', import.meta.url))

describe('working offline', () => {
  let browser: LaunchedBrowser
  // A server of our own: stopping it proves the reload is served by the service worker, not the network.
  let app: AppServer
  beforeAll(async () => {
    app = await serveApp({ dir: dist })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser.close()
    await app.close()
  })

  it('reloads the app and the catalogue with the network gone after one online visit', async () => {
    const page = await browser.context.newPage()
    await page.goto(app.url)
    await page.locator('[data-test="objective"]').first().waitFor()
    await page.waitForFunction(async () => {
      await navigator.serviceWorker.ready
      return navigator.serviceWorker.controller !== null
    })
    await page.getByRole('link', { name: 'Impostazioni' }).click()
    await expect(page.locator('[data-test="offline-state"]').textContent()).resolves.toBe('Pronto per lavorare offline')

    await app.close()
    await browser.context.setOffline(true)
    await page.goto(`${app.url}/`)
    await page.locator('[data-test="objective"]').first().waitFor()
    await expect(page.locator('[data-test="objective"]').count()).resolves.toBe(29)
    await page.getByRole('link', { name: /Pattugliamento/ }).click()
    await expect(page.locator('[data-test="target"]').textContent()).resolves.toContain('+10%')
    await page.screenshot({ path: 'test-results/offline-360x740.png' })
    await browser.context.setOffline(false)
    await page.close()
  })

  it('precaches the app shell only: no runtime caching of Supabase calls', async () => {
    const sw = await readFile(`${dist}/sw.js`, 'utf8')
    // One route only: navigations fall back to the cached index.html, except Supabase paths.
    expect(sw.match(/registerRoute\(/g)).toHaveLength(1)
    expect(sw).toContain('NavigationRoute')
    expect(sw).toMatch(/denylist:\s*\[\/\^\\\/\(auth\|rest\|storage\)/)
    expect(sw).not.toMatch(/NetworkFirst|CacheFirst|StaleWhileRevalidate/)
  })
})
