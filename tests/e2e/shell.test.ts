import { mkdir } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchBrowser, type LaunchedBrowser } from '../support/browser'
import { runAxe } from '../support/axe'

const SHOTS = 'test-results'

async function openHome(browser: LaunchedBrowser): Promise<Page> {
  const page = await browser.context.newPage()
  await page.goto(inject('appUrl'))
  await page.locator('[data-test="objective"]').first().waitFor()
  return page
}

describe('app shell', () => {
  let browser: LaunchedBrowser
  beforeAll(async () => {
    browser = await launchBrowser()
    await mkdir(SHOTS, { recursive: true })
  })
  afterAll(async () => {
    await browser.close()
  })

  it('lists the 29 objectives of the PIAO, grouped in the 6 areas, in Italian', async () => {
    const page = await openHome(browser)
    await expect(page.locator('[data-test="objective"]').count()).resolves.toBe(29)
    await expect(page.locator('section.area h2').allTextContents()).resolves.toHaveLength(6)
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('it')
    await expect(page.getByText('I dati restano su questo dispositivo: non sono sincronizzati').isVisible()).resolves.toBe(true)
    await page.screenshot({ path: `${SHOTS}/home-360x740.png`, fullPage: false })
    await page.close()
  })

  it('switches the interface to English, and remembers it on the next visit', async () => {
    const page = await openHome(browser)
    await page.getByRole('button', { name: 'EN' }).click()
    // The first screen's English is fetched on the switch (issue 16): the heading changes once it is in.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('PIAO objectives')
    await expect(page.getByRole('link', { name: 'Settings' }).isVisible()).resolves.toBe(true)
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en')
    await page.reload()
    await page.getByRole('heading', { name: 'Local police' }).waitFor()
    await page.getByRole('button', { name: 'IT' }).click()
    await page.getByRole('heading', { name: 'Obiettivi del PIAO' }).waitFor()
    await page.close()
  })

  it('lets a first-time user pick a demo role and narrow the list to their area', async () => {
    const page = await openHome(browser)
    const picker = page.locator('[data-test="role-picker"]')
    await picker.getByLabel('Agente di Polizia Locale').check()
    await picker.getByRole('button', { name: 'Usa questo ruolo' }).click()
    await picker.waitFor({ state: 'detached' })
    await page.getByLabel('La mia area').check()
    const mine = await page.locator('[data-test="objective"]').count()
    expect(mine).toBeGreaterThanOrEqual(4)
    expect(mine).toBeLessThan(29)
    await page.getByRole('link', { name: 'Impostazioni' }).click()
    await expect(page.locator('[data-test="current-role"]').textContent()).resolves.toContain('Agente di Polizia Locale')
    await page.locator('[data-test="version"]').waitFor()
    await page.screenshot({ path: `${SHOTS}/settings-360x740.png`, fullPage: true })
    await page.close()
  })

  it('shows a translated not-found page for an unknown address', async () => {
    const page = await browser.context.newPage()
    await page.goto(`${inject('appUrl')}/non-esiste`)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Pagina non trovata')
    await page.getByRole('button', { name: 'EN' }).click()
    // The first screen's English is fetched on the switch (issue 16): the heading changes once it is in.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found')
    await page.getByRole('button', { name: 'IT' }).click()
    await page.close()
  })

  it('has no serious or critical accessibility problem on the list, a detail page and the settings', async () => {
    const page = await openHome(browser)
    await expect(runAxe(page)).resolves.toEqual([])
    await page.goto(`${inject('appUrl')}/obiettivi/pl-pattugliamento`)
    await page.locator('[data-test="target"]').waitFor()
    await expect(runAxe(page)).resolves.toEqual([])
    await page.goto(`${inject('appUrl')}/impostazioni`)
    await page.locator('[data-test="version"]').waitFor()
    await expect(runAxe(page)).resolves.toEqual([])
    await page.close()
  })

  it('fits a desktop screen too', async () => {
    const page = await openHome(browser)
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.screenshot({ path: `${SHOTS}/home-1280x800.png` })
    await page.close()
  })
})
