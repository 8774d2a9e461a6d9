import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type LaunchedBrowser } from '../support/browser'

describe('app shell', () => {
  let browser: LaunchedBrowser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser.close()
  })

  it('shows a translated not-found page for an unknown address', async () => {
    const page = await browser.context.newPage()
    await page.goto(`${inject('appUrl')}/non-esiste`)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Pagina non trovata')
  })
})
