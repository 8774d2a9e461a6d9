import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entriesAt, queryServer, startSyncedApp, waitUntilAllSent, type SignedInDevice, type SyncedApp } from '../support/synced-app'
import { MID_2024 } from './dashboard-fixtures'
import { readAllRows } from './idb-helpers'
import { largePng } from './field-log-helpers'

const CREW_ID = '5c000000-0000-4000-8000-000000000004'

describe('field entries synced through a real local stack reach the manager and the server', () => {
  let synced: SyncedApp

  beforeAll(async () => {
    synced = await startSyncedApp()
  })

  afterAll(async () => {
    await synced?.close()
  })

  /** Logs checkpoints (they count as patrols) and waits until the server has them all. */
  async function logCheckpoints(officer: SignedInDevice, place: string, numbers: number[]): Promise<void> {
    for (const n of numbers) {
      await officer.page.goto(`${synced.app.url}/campo/nuovo/checkpoint`)
      await officer.page.getByLabel('Luogo (via, civico, località)').fill(`${place} #${n}`)
      await officer.page.getByRole('button', { name: 'Salva' }).click()
      await officer.page.waitForURL('**/campo')
    }
    await waitUntilAllSent(officer.page)
  }

  /** The manager's device pulls (a reload syncs at start), then the dashboard is read again: the chip as shown. */
  async function patrolStatusAfterPull(manager: Page, place: string, expected: number): Promise<string | null> {
    await manager.reload()
    await expect.poll(() => entriesAt(manager, place), { timeout: 30_000 }).toBe(expected)
    await manager.reload()
    const chip = manager.locator('tr[data-objective="pl-pattugliamento"] [data-status]')
    await chip.waitFor()
    return (await chip.textContent())?.trim() ?? null
  }

  it('the patrol objective goes from at risk to on track on the manager\'s screen as the officer\'s checkpoints sync', async () => {
    const place = `Pattuglia e2e ${Date.now()}`
    const manager = await synced.signedIn('comandante@sulcampo.test', { viewport: { width: 1280, height: 800 } })
    await manager.page.clock.setFixedTime(MID_2024)
    await manager.page.goto(`${synced.app.url}/amministrazione`)
    const figures = manager.page.locator('form[data-objective="pl-pattugliamento"]')
    await figures.getByLabel('Valore di partenza 2022').fill('6')
    await figures.getByRole('button', { name: 'Salva' }).click()
    await figures.getByText('Salvato').waitFor()
    await manager.page.goto(`${synced.app.url}/cruscotto`)

    const officer = await synced.signedIn('agente@sulcampo.test')
    await officer.page.clock.setFixedTime(MID_2024)
    // Target 6 + 10% = 6.6 patrols in 2024; by 1 July half the year is gone: 3.29 expected.
    // 3 patrols are 91% of that (at risk, ≥ 80%), a 4th puts it past 100% (on track).
    await logCheckpoints(officer, place, [1, 2, 3])
    await expect(patrolStatusAfterPull(manager.page, place, 3)).resolves.toBe('▲ A rischio')

    await logCheckpoints(officer, place, [4])
    await expect(patrolStatusAfterPull(manager.page, place, 4)).resolves.toBe('● In linea')
  })

  it('a report saved offline with a 20 MB photo syncs with its photo once, then is resolved 10 days later', async () => {
    const crew = await synced.signedIn('operaio@sulcampo.test')
    const { page } = crew
    await page.clock.setFixedTime(new Date('2026-11-10T09:00:00+01:00'))
    await page.goto(`${synced.app.url}/campo/nuovo/maintenance_report`)
    await crew.browser.context.setOffline(true)
    await page.getByLabel('Categoria').selectOption('signage')
    await page.getByLabel('Descrizione del problema').fill('Cartello di stop abbattuto')
    await page.getByLabel('Luogo (via, civico, località)').fill('Via Roma 12')
    await page.locator('input[type="file"]').setInputFiles({ name: 'stop.png', mimeType: 'image/png', buffer: largePng(20) })
    await page.getByTestId('photo-size').waitFor({ timeout: 60_000 })
    await page.getByRole('button', { name: 'Salva' }).click()
    await page.waitForURL('**/campo')

    await crew.browser.context.setOffline(false)
    await waitUntilAllSent(page)
    await page.getByTestId('recent-entry').filter({ hasText: 'Segnalazione' }).getByRole('link').click()
    await expect.poll(() => page.getByTestId('photo-upload').textContent(), { timeout: 30_000 }).toBe('Inviata')
    const [counts] = await queryServer<{ entries: string; photos: string }>(
      synced.stack,
      `select (select count(*) from public.entries where author_id = $1) as entries,
              (select count(*) from public.entry_photos where author_id = $1) as photos`,
      [CREW_ID],
    )
    expect([Number(counts!.entries), Number(counts!.photos)]).toEqual([1, 1])

    await page.clock.setFixedTime(new Date('2026-11-20T09:00:00+01:00'))
    await page.goto(`${synced.app.url}/campo`)
    await page.getByTestId('open-report').first().getByRole('button', { name: 'Risolta' }).click()
    await page.getByText('Nessuna segnalazione aperta.').waitFor()
    await page.getByTestId('recent-entry').filter({ hasText: 'Segnalazione' }).getByRole('link').click()
    await expect(page.getByTestId('report-age').textContent()).resolves.toBe('Risolta in 10 giorni')
    const resolvedOnServer = () =>
      queryServer<{ status: string; resolved_at: string | null }>(synced.stack, `select status, payload ->> 'resolvedAt' as resolved_at from public.entries where author_id = $1`, [CREW_ID])
    await expect.poll(resolvedOnServer, { timeout: 30_000 }).toEqual([{ status: 'resolved', resolved_at: '2026-11-20T08:00:00.000Z' }])
  })

  it("a photo taken on the crew's phone: the manager's entry view says it is not here yet, then shows it once downloaded", async () => {
    const manager = await synced.signedIn('tecnico@sulcampo.test')
    // The manager's network lets everything through but the photo's download, until the test allows it.
    await manager.page.route('**/rest/v1/rpc/photo_data', (route) => route.abort('internetdisconnected'))

    const crew = await synced.signedIn('operaio@sulcampo.test')
    const description = `Panchina rotta ${Date.now()}`
    await crew.page.goto(`${synced.app.url}/campo/nuovo/maintenance_report`)
    await crew.page.getByLabel('Categoria').selectOption('street_furniture')
    await crew.page.getByLabel('Descrizione del problema').fill(description)
    await crew.page.getByLabel('Luogo (via, civico, località)').fill('Lungolago 3')
    await crew.page.locator('input[type="file"]').setInputFiles({ name: 'panchina.png', mimeType: 'image/png', buffer: largePng(2) })
    await crew.page.getByTestId('photo-size').waitFor({ timeout: 60_000 })
    await crew.page.getByRole('button', { name: 'Salva' }).click()
    await crew.page.waitForURL('**/campo')
    const photoOf = () =>
      queryServer<{ entry_id: string }>(synced.stack, `select p.entry_id from public.entry_photos p join public.entries e on e.id = p.entry_id where e.payload ->> 'description' = $1`, [description])
    await expect.poll(async () => (await photoOf()).length, { timeout: 30_000 }).toBe(1)
    const [{ entry_id: entryId }] = (await photoOf()) as [{ entry_id: string }]

    // A reload syncs at start: the report and its photo's metadata arrive, the photo itself cannot.
    await manager.page.reload()
    const held = async (table: string, key: 'id' | 'entryId') => (await readAllRows<Record<string, string>>(manager.page, table)).filter((row) => row[key] === entryId).length
    await expect.poll(() => held('serverPhotos', 'entryId'), { timeout: 30_000 }).toBe(1)
    expect(await held('entries', 'id')).toBe(1)
    await manager.page.goto(`${synced.app.url}/campo/voce/${entryId}`)
    await expect.poll(() => manager.page.getByTestId('photos-not-here').textContent(), { timeout: 30_000 }).toBe('Foto non ancora su questo dispositivo: 1')
    expect(await manager.page.getByTestId('photo-upload').count()).toBe(0)

    await manager.page.unroute('**/rest/v1/rpc/photo_data')
    await manager.page.reload()
    await expect.poll(() => manager.page.getByTestId('photo-upload').textContent(), { timeout: 30_000 }).toBe('Sul server')
    expect(await manager.page.getByTestId('photos-not-here').count()).toBe(0)
    expect(await manager.page.locator('.entry-photos img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  })
})
