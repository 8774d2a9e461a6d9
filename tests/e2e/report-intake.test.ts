import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAxe } from '../support/axe'
import { entriesAt, queryServer, startSyncedApp, waitUntilAllSent, type SyncedApp } from '../support/synced-app'
import { countRows, screenshots } from './field-log-helpers'

/**
 * Issue 13's intake through the UI: an officer takes a citizen's phone call, offline; the channel
 * goes with the report, the caller's contact apart from it: on the server only in
 * report_contacts, gone from the officer's device once sent, read by the area's manager alone.
 */
describe('a report taken on a citizen’s behalf', () => {
  let synced: SyncedApp
  beforeAll(async () => {
    synced = await startSyncedApp()
  })
  afterAll(async () => {
    await synced?.close()
  })

  it('keeps the caller’s contact apart from the report, refuses a bad e-mail, and shows it to the area’s manager only', async () => {
    const officer = await synced.signedIn('agente@sulcampo.test', { viewport: { width: 360, height: 740 } })
    const { page } = officer
    await page.goto(`${synced.app.url}/campo/nuovo/maintenance_report`)
    await page.getByLabel('Come è arrivata').selectOption('phone')
    await page.getByLabel('Categoria').selectOption('street_furniture')
    await page.getByLabel('Descrizione del problema').fill('Panchina rotta davanti alla scuola')
    await page.getByLabel('Luogo (via, civico, località)').fill('Via Tonale 4')
    const contact = page.locator('[data-test="reporter-contact"]')
    await contact.getByLabel('Nome e cognome').fill('Mario Rossi')
    await contact.getByLabel('E-mail o PEC').fill('mario.rossi.it')
    await officer.browser.context.setOffline(true)
    await page.getByRole('button', { name: 'Salva' }).click()
    await contact.getByText('Indirizzo e-mail non valido').waitFor()
    expect([await countRows(page, 'outbox'), await countRows(page, 'pendingContacts')]).toEqual([0, 0])
    expect(await runAxe(page)).toEqual([])
    await screenshots(page, 'work-orders-intake')

    await contact.getByLabel('E-mail o PEC').fill('mario.rossi@example.it')
    await contact.getByLabel('Telefono').fill('030 981 2345')
    await page.getByRole('button', { name: 'Salva' }).click()
    await page.waitForURL('**/campo')
    expect([await countRows(page, 'outbox'), await countRows(page, 'pendingContacts')]).toEqual([1, 1])
    await officer.browser.context.setOffline(false)
    await waitUntilAllSent(page)
    await expect.poll(() => countRows(page, 'pendingContacts'), { timeout: 30_000 }).toBe(0)

    const [report] = await queryServer<{ id: string; payload: Record<string, unknown> }>(
      synced.stack,
      `select id, payload from public.entries where payload ->> 'place' = 'Via Tonale 4'`,
    )
    expect(report?.payload).toMatchObject({ channel: 'phone', category: 'street_furniture' })
    expect(JSON.stringify(report)).not.toContain('Rossi')
    await expect(queryServer(synced.stack, 'select name, phone, email from public.report_contacts where entry_id = $1', [report!.id])).resolves.toEqual([
      { name: 'Mario Rossi', phone: '030 981 2345', email: 'mario.rossi@example.it' },
    ])

    // The officer took it but may not read it back; the territory's manager may.
    await page.goto(`${synced.app.url}/campo/voce/${report!.id}`)
    await page.getByRole('heading', { name: /Segnalazione/ }).waitFor()
    await expect(page.locator('[data-test="reporter-panel"]').count()).resolves.toBe(0)
    const manager = await synced.signedIn('tecnico@sulcampo.test')
    await expect.poll(() => entriesAt(manager.page, 'Via Tonale 4'), { timeout: 30_000 }).toBe(1)
    await manager.page.goto(`${synced.app.url}/campo/voce/${report!.id}`)
    const panel = manager.page.locator('[data-test="reporter-panel"]')
    await panel.getByText('Mario Rossi').waitFor({ timeout: 30_000 })
    await expect(panel.textContent()).resolves.toContain('030 981 2345')
    expect(await runAxe(manager.page)).toEqual([])
  })
})
