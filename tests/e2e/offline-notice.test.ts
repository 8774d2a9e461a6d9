import type { Page } from 'playwright-core'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type LaunchedBrowser } from '../support/browser'
import { coveredByNotice, holdServiceWorkerInstall } from './offline-notice-helpers'

// Issue 11: "Pronto per lavorare offline" goes away by itself and never covers a form's buttons or a table.
describe('the "ready to work offline" notice', () => {
  let browser: LaunchedBrowser | undefined
  afterEach(async () => {
    await browser?.close()
    browser = undefined
  })

  /**
   * A fresh device: the demo role picked on first start, then `taps` through the app to the page
   * under test, all in one page load; only then may the first install complete and announce itself.
   */
  async function noticeOn(viewport: { width: number; height: number }, role: RegExp, taps: (page: Page) => Promise<unknown>): Promise<Page> {
    browser = await launchBrowser({ viewport })
    const install = await holdServiceWorkerInstall(browser.context)
    const page = await browser.context.newPage()
    await page.goto(inject('appUrl'))
    await install.started
    await page.getByRole('radio', { name: role }).check()
    await page.getByRole('button', { name: 'Usa questo ruolo' }).click()
    await taps(page)
    install.release()
    await page.locator('[data-test="offline-ready"]').waitFor()
    return page
  }

  it('covers none of a field form\'s buttons on a 360×740 phone, and goes away by itself', async () => {
    const page = await noticeOn({ width: 360, height: 740 }, /Agente di Polizia Locale/, async (p) => {
      await p.getByRole('link', { name: 'Sul campo', exact: true }).click()
      await p.getByRole('link', { name: 'Posto di controllo' }).click()
      await p.getByRole('button', { name: 'Salva' }).waitFor()
    })
    await expect(page.locator('[data-test="offline-ready"]').textContent()).resolves.toContain('Pronto per lavorare offline')
    expect(await coveredByNotice(page)).toEqual([])
    await page.locator('[data-test="offline-ready"]').waitFor({ state: 'detached', timeout: 20_000 })
  })

  it('covers none of the dashboard\'s table on a 1280×800 desktop, and goes away by itself', async () => {
    const page = await noticeOn({ width: 1280, height: 800 }, /Responsabile di area/, async (p) => {
      await p.getByRole('link', { name: 'Cruscotto' }).click()
      await p.locator('main table tr[data-objective]').first().waitFor()
    })
    expect(await coveredByNotice(page)).toEqual([])
    await page.locator('[data-test="offline-ready"]').waitFor({ state: 'detached', timeout: 20_000 })
  })
})
