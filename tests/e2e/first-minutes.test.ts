import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../supabase/local/describe-stack'
import { launchBrowser, type LaunchedBrowser } from '../support/browser'
import { startSyncedApp, type SyncedApp } from '../support/synced-app'

// Issue 11, the first minutes of a synced device: what the status bar says before anyone signs in,
// and where each role lands after signing in.
describe('the first minutes on a synced device', () => {
  let synced: SyncedApp
  const browsers: LaunchedBrowser[] = []

  beforeAll(async () => {
    synced = await startSyncedApp()
  })

  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()))
    await synced?.close()
  })

  async function freshDevice() {
    const browser = await launchBrowser()
    browsers.push(browser)
    return browser.context.newPage()
  }

  it('says "not signed in" before anyone has signed in, never "all sent" nor "sign in again"', async () => {
    const page = await freshDevice()
    await page.goto(synced.app.url)
    await page.waitForURL('**/accedi**')
    const bar = page.locator('[data-test="sync-bar"]')
    await bar.getByText('Non hai effettuato l’accesso').waitFor()
    const text = (await bar.textContent()) ?? ''
    expect(text).not.toContain('Tutto inviato')
    expect(text).not.toContain('Accedi di nuovo')
    expect(text).not.toContain('Mai sincronizzato')
    await expect(bar.getByRole('button', { name: 'Sincronizza ora' }).count()).resolves.toBe(0)
  })

  it.each([
    ['agente@sulcampo.test', 'an officer', '/campo'],
    ['operaio@sulcampo.test', 'a road-crew worker', '/campo'],
    ['comandante@sulcampo.test', 'a manager', '/cruscotto'],
    ['admin@sulcampo.test', 'an admin', '/amministrazione'],
  ])('lands %s (%s) on %s, with the objectives list one tap away', async (email, _who, landing) => {
    const page = await freshDevice()
    await page.goto(synced.app.url)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Accedi' }).click()
    await page.waitForURL((url) => url.pathname === landing)
    await page.locator('[data-test="sync-pending"]').waitFor()
    await expect(page.locator('[data-test="sync-signed-out"]').count()).resolves.toBe(0)

    await page.getByRole('link', { name: 'Obiettivi', exact: true }).click()
    await page.waitForURL((url) => url.pathname === '/')
    await page.locator('[data-test="objective"]').first().waitFor()
  })
})
