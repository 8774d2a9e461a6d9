import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAxe } from '../support/axe'
import { queryServer, startSyncedApp, waitUntilAllSent, type SyncedApp } from '../support/synced-app'
import { countRows, largePng, screenshots } from './field-log-helpers'

/**
 * Issue 13's crew home through the UI: the worker sees the reports assigned to them on /campo,
 * soonest due first with days left, place and position; starts one; a hand-back without its
 * reason and a resolution without its note are refused with a message and nothing queued;
 * offline, a resolution with its note and an after-photo leaves the list and reaches the server,
 * photo included, once it is back.
 */
const DAY = 86_400_000
const OFFICER_ID = '5c000000-0000-4000-8000-000000000001'
const WORKER_ID = '5c000000-0000-4000-8000-000000000004'
const LATE = '00000000-0000-4000-8000-00000000e141'
const RECENT = '00000000-0000-4000-8000-00000000e142'
const UNASSIGNED = '00000000-0000-4000-8000-00000000e143'

describe("the crew's reports assigned to them", () => {
  let synced: SyncedApp
  beforeAll(async () => {
    synced = await startSyncedApp()
    const report = (id: string, place: string, daysAgo: number, location: object | null) => {
      const reportedAt = new Date(Date.now() - daysAgo * DAY).toISOString()
      return queryServer(
        synced.stack,
        `insert into public.entries (id, objective_id, kind, payload, status, occurred_at, author_id)
         values ($1, 'terr-segnaletica', 'maintenance_report', $2, 'open', $3, $4)`,
        [id, { category: 'signage', description: 'Cartello piegato', place, location, reportedAt, resolvedAt: null }, reportedAt, OFFICER_ID],
      )
    }
    await report(LATE, 'Via Roma 12', 10, null)
    await report(RECENT, 'Piazza Corna 3', 1, { lat: 45.81234, lng: 10.11234, accuracy: 8 })
    await report(UNASSIGNED, 'Via Mazzini 7', 2, null)
    await queryServer(synced.stack, `insert into public.work_orders (id, assignees, priority) values ($1, $3, 'normal'), ($2, $3, 'high')`, [
      LATE,
      RECENT,
      [WORKER_ID],
    ])
  })
  afterAll(async () => {
    await synced?.close()
  })

  it('the worker starts, hands back and resolves offline with an after-photo; bad input refused with a message and nothing queued', async () => {
    const { browser, page } = await synced.signedIn('operaio@sulcampo.test')
    const mine = page.locator('[data-test="assigned-to-me"]')
    const late = mine.locator(`article[data-report="${LATE}"]`)
    const recent = mine.locator(`article[data-report="${RECENT}"]`)
    await recent.waitFor({ timeout: 30_000 })
    await expect(mine.locator('article').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-report')))).resolves.toEqual([LATE, RECENT])
    await expect(late.locator('[data-test="days-left"]').textContent()).resolves.toBe('in ritardo di 2 giorni')
    await expect(recent.locator('[data-test="days-left"]').textContent()).resolves.toBe('7 giorni rimasti')
    await expect(recent.locator('[data-test="position"]').textContent()).resolves.toContain('45.81234, 10.11234')
    await recent.getByText('Priorità: Alta').waitFor()
    await expect(page.locator(`[data-testid="open-report"]`).count()).resolves.toBe(1)
    expect(await runAxe(page)).toEqual([])
    await screenshots(page, 'work-orders-crew-list')

    await recent.getByRole('button', { name: 'Inizia' }).click()
    await recent.getByText('Stato: In lavorazione').waitFor()
    await waitUntilAllSent(page)

    await late.getByRole('button', { name: 'Restituisci' }).click()
    await late.getByRole('button', { name: 'Restituisci al responsabile' }).click()
    await late.getByText('Indica il motivo').waitFor()
    expect(await countRows(page, 'outbox')).toBe(0)
    expect(await runAxe(page)).toEqual([])

    await browser.context.setOffline(true)
    await recent.getByRole('button', { name: 'Risolvi' }).click()
    await recent.getByRole('button', { name: 'Segna come risolta' }).click()
    await recent.getByText('Scrivi una nota sul lavoro fatto').waitFor()
    expect(await countRows(page, 'outbox')).toBe(0)
    await recent.getByLabel('Nota sul lavoro fatto').fill('Cartello raddrizzato e fissato')
    await recent.locator('input[type="file"]').setInputFiles({ name: 'dopo.png', mimeType: 'image/png', buffer: largePng(1) })
    await recent.getByTestId('photo-size').waitFor()
    expect(await runAxe(page)).toEqual([])
    await screenshots(page, 'work-orders-crew-resolve')
    await recent.getByRole('button', { name: 'Segna come risolta' }).click()
    await recent.waitFor({ state: 'detached' })
    expect(await countRows(page, 'outbox')).toBeGreaterThan(0)

    await late.getByLabel('Motivo della restituzione').fill('Serve il cestello, non lo abbiamo')
    await late.getByRole('button', { name: 'Restituisci al responsabile' }).click()
    await late.waitFor({ state: 'detached' })
    await mine.getByText('Nessuna segnalazione assegnata a te da lavorare.').waitFor()
    await browser.context.setOffline(false)
    await waitUntilAllSent(page)
    await expect
      .poll(() => queryServer(synced.stack, 'select author_id from public.entry_photos where entry_id = $1', [RECENT]), { timeout: 30_000 })
      .toEqual([{ author_id: WORKER_ID }])

    const orders = await queryServer<{ id: string; status: string; assignees: string[]; note: string | null; reason: string | null }>(
      synced.stack,
      `select e.id, e.status, w.assignees, w.resolution_note as note, w.hand_back_reason as reason
         from public.entries e join public.work_orders w using (id) where e.id = any($1::uuid[]) order by e.id`,
      [[LATE, RECENT]],
    )
    expect(orders).toEqual([
      { id: LATE, status: 'open', assignees: [], note: null, reason: 'Serve il cestello, non lo abbiamo' },
      { id: RECENT, status: 'resolved', assignees: [WORKER_ID], note: 'Cartello raddrizzato e fissato', reason: null },
    ])
  })
})
