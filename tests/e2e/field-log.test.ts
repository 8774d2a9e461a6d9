import { afterEach, describe, expect, inject, it } from 'vitest'
import type { LaunchedBrowser } from '../support/browser'
import { runAxe } from '../support/axe'
import { CREW, countRows, largePng, OFFICER, openAppAs, screenshots, signInAs, TERRITORY_MANAGER } from './field-log-helpers'

describe('field log (device-only)', () => {
  let browser: LaunchedBrowser | undefined
  afterEach(async () => {
    await browser?.close()
    browser = undefined
  })

  it('logs a patrol offline in three taps, the timer running on across a reload', async () => {
    const opened = await openAppAs(OFFICER)
    browser = opened.browser
    const { page } = opened
    await browser.context.setOffline(true)
    await expect(runAxe(page)).resolves.toEqual([])
    await screenshots(page, 'field-home-officer')

    await page.getByRole('button', { name: 'Inizia pattuglia' }).click() // tap 1
    const elapsedSeconds = () => page.evaluate(() => {
      const [m, s] = (document.querySelector('[data-testid="patrol-elapsed"]')?.textContent ?? '0:00').split(':').map(Number)
      return m * 60 + s
    })
    await page.waitForFunction(() => document.querySelector('[data-testid="patrol-elapsed"]')?.textContent === '0:02')
    await page.reload()
    await page.getByTestId('patrol-elapsed').waitFor()
    // The start time lives in IndexedDB: after the reload the timer carries on instead of restarting from 0:00.
    expect(await elapsedSeconds()).toBeGreaterThanOrEqual(2)

    await page.getByRole('button', { name: 'Termina pattuglia' }).click() // tap 2
    await page.getByLabel('Zona').fill('Centro storico')
    await expect(page.getByLabel('Equipaggio (nomi separati da virgola)').inputValue()).resolves.toBe('Agente Rossi')
    await expect(runAxe(page)).resolves.toEqual([])
    await screenshots(page, 'field-patrol-form')
    await page.getByRole('button', { name: 'Salva' }).click() // tap 3

    await page.waitForURL('**/campo')
    const entry = page.getByTestId('recent-entry').first()
    await expect(entry.textContent()).resolves.toContain('Pattuglia')
    await expect(entry.textContent()).resolves.toContain('Da inviare')
    await expect(countRows(page, 'outbox')).resolves.toBe(1)
  })

  it('shows the message for an empty required field and saves nothing', async () => {
    const opened = await openAppAs(OFFICER, '/campo/nuovo/checkpoint')
    browser = opened.browser
    const { page } = opened
    await page.getByRole('button', { name: 'Salva' }).click()
    const place = page.getByLabel('Luogo (via, civico, località)')
    await expect(place.getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(page.locator(`#${await place.getAttribute('aria-describedby')}`).textContent()).resolves.toBe('Campo obbligatorio')
    await expect(runAxe(page)).resolves.toEqual([])
    await screenshots(page, 'field-checkpoint-required')
    await expect(countRows(page, 'entries')).resolves.toBe(0)
    await expect(countRows(page, 'outbox')).resolves.toBe(0)
  })

  it('lets the crew serve 3 of the 5 routes of a snow event: 60%', async () => {
    const opened = await openAppAs(TERRITORY_MANAGER, '/neve')
    browser = opened.browser
    const { page } = opened
    await page.getByLabel('Nome evento').fill('Nevicata del 26 novembre')
    await page.getByRole('button', { name: 'Dichiara evento neve' }).click()
    await page.getByTestId('snow-progress').waitFor()
    await expect(runAxe(page)).resolves.toEqual([])
    await screenshots(page, 'field-snow-manager')

    await signInAs(page, CREW)
    await page.goto(`${inject('appUrl')}/campo`)
    await browser.context.setOffline(true)
    for (let served = 1; served <= 3; served++) {
      await page.getByRole('link', { name: 'Registra intervento' }).first().click()
      await page.getByLabel('Mezzo').fill('Unimog 1')
      await page.getByLabel('Sale sparso (kg)').fill('120')
      await page.getByRole('button', { name: 'Salva' }).click()
      await page.waitForURL('**/campo')
      await page.getByText(`${served} di 5 percorsi serviti`).waitFor()
    }
    await expect(page.getByTestId('snow-progress').textContent()).resolves.toContain('3 di 5 percorsi serviti — 60%')
    await expect(page.getByTestId('snow-route').filter({ hasText: 'Servito' }).count()).resolves.toBe(3)
    await expect(runAxe(page)).resolves.toEqual([])
    await screenshots(page, 'field-home-crew')
  })

  it('saves a report with a 20 MB photo offline, shrunk on the device, then resolves it late with its age', async () => {
    const opened = await openAppAs(CREW, '/campo/nuovo/maintenance_report')
    browser = opened.browser
    const { page } = opened
    await page.clock.setFixedTime(new Date('2026-11-10T09:00:00+01:00'))
    await page.reload()
    await browser.context.setOffline(true)
    await page.getByLabel('Categoria').selectOption('signage')
    await page.getByLabel('Descrizione del problema').fill('Cartello di stop abbattuto')
    await page.getByLabel('Luogo (via, civico, località)').fill('Via Roma 12')
    const original = largePng(20)
    expect(original.length).toBeGreaterThan(20_000_000)
    await page.locator('input[type="file"]').setInputFiles({ name: 'stop.png', mimeType: 'image/png', buffer: original })
    const size = page.getByTestId('photo-size')
    await size.waitFor({ timeout: 60_000 })
    const [, width, height, kb] = /(\d+)×(\d+) px, (\d+) kB/.exec((await size.textContent()) ?? '') ?? []
    expect(Math.max(Number(width), Number(height))).toBe(1600)
    expect(Number(kb)).toBeLessThan(2000)
    // The draft keeps the typed fields and the shrunk photo across a reload.
    await expect.poll(() => countRows(page, 'drafts')).toBe(2)
    await page.reload()
    await page.getByTestId('photo-size').waitFor()
    await expect(page.getByLabel('Luogo (via, civico, località)').inputValue()).resolves.toBe('Via Roma 12')
    await expect(runAxe(page)).resolves.toEqual([])
    await screenshots(page, 'field-report-photo')
    await page.getByRole('button', { name: 'Salva' }).click()
    await page.waitForURL('**/campo')
    await expect(countRows(page, 'photos')).resolves.toBe(1)

    // Ten days later the report is overdue; resolving it records when and keeps its age.
    await page.clock.setFixedTime(new Date('2026-11-20T10:00:00+01:00'))
    await page.reload()
    const report = page.getByTestId('open-report').first()
    await expect(report.getByTestId('report-age').textContent()).resolves.toBe('Aperta da 10 giorni')
    await expect(report.textContent()).resolves.toContain('Scadenza: 18/11/2026')
    await expect(report.textContent()).resolves.toContain('In ritardo')
    await report.getByRole('button', { name: 'Risolta' }).click()
    await page.getByText('Nessuna segnalazione aperta.').waitFor()
    await page.getByTestId('recent-entry').filter({ hasText: 'Segnalazione' }).getByRole('link').click()
    await expect(page.getByTestId('report-age').textContent()).resolves.toBe('Risolta in 10 giorni')
  })
})
