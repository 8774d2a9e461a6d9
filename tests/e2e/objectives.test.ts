import { mkdir } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type LaunchedBrowser } from '../support/browser'

describe('objective detail', () => {
  let browser: LaunchedBrowser
  beforeAll(async () => {
    browser = await launchBrowser()
    await mkdir('test-results', { recursive: true })
  })
  afterAll(async () => {
    await browser.close()
  })

  it('shows the patrol objective with all its PIAO fields and its target in words', async () => {
    const page = await browser.context.newPage()
    await page.goto(inject('appUrl'))
    await page.getByRole('link', { name: /Pattugliamento per controllo del territorio/ }).click()
    await page.waitForURL(/\/obiettivi\/pl-pattugliamento$/)
    const target = await page.locator('[data-test="target"]').textContent()
    expect(target).toContain('+10%')
    expect(target).toContain('2022')
    for (const label of ['Responsabile', 'Portatori di interesse', 'Modalità di misurazione', 'Fonte dei dati', 'Scadenza:']) {
      await expect(page.getByText(label, { exact: true }).count(), label).resolves.toBe(1)
    }
    await expect(page.getByText('31 dicembre 2024').isVisible()).resolves.toBe(true)
    await page.screenshot({ path: 'test-results/objective-360x740.png', fullPage: true })
    await page.close()
  })

  it('says the signage target as a share within days', async () => {
    const page = await browser.context.newPage()
    await page.goto(inject('appUrl'))
    await page.getByRole('searchbox', { name: 'Cerca negli obiettivi' }).fill('segnaletica')
    await page.locator('[data-test="objective"] a').first().click()
    await expect(page.locator('[data-test="target"]').textContent()).resolves.toContain('≥ 75% entro 8 giorni')
    await page.close()
  })

  it('shows the not-found page for an objective that does not exist', async () => {
    const page = await browser.context.newPage()
    await page.goto(`${inject('appUrl')}/obiettivi/non-esiste`)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Pagina non trovata')
    await page.close()
  })
})
