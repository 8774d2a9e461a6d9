import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAxe } from '../support/axe'
import { queryServer, startSyncedApp, waitUntilAllSent, type SyncedApp } from '../support/synced-app'
import { countRows, screenshots } from './field-log-helpers'

/**
 * Issue 13's triage queue through the UI: reports an officer logged reach the territory
 * manager's queue; a decline without its original and a due date before the report are refused
 * with a message and nothing queued; an assignment and, offline, a decline are saved on the
 * device and reach the server once it is back.
 */
const DAY = 86_400_000
const OFFICER_ID = '5c000000-0000-4000-8000-000000000001'
const WORKER_ID = '5c000000-0000-4000-8000-000000000004'
const LATE = '00000000-0000-4000-8000-00000000e131'
const RECENT = '00000000-0000-4000-8000-00000000e132'

describe('triage queue of maintenance reports', () => {
  let synced: SyncedApp
  beforeAll(async () => {
    synced = await startSyncedApp()
    const report = (id: string, place: string, reportedAt: string) =>
      queryServer(
        synced.stack,
        `insert into public.entries (id, objective_id, kind, payload, status, occurred_at, author_id)
         values ($1, 'terr-segnaletica', 'maintenance_report', $2, 'open', $3, $4)`,
        [id, { category: 'signage', description: 'Cartello piegato', place, location: null, reportedAt, resolvedAt: null }, reportedAt, OFFICER_ID],
      )
    await report(LATE, 'Via Roma 12', new Date(Date.now() - 10 * DAY).toISOString())
    await report(RECENT, 'Piazza Corna 3', new Date(Date.now() - DAY).toISOString())
  })
  afterAll(async () => {
    await synced?.close()
  })

  it('the manager triages: bad input refused with a message, an assignment and an offline decline reach the server', async () => {
    const { browser, page } = await synced.signedIn('tecnico@sulcampo.test')
    await page.goto(`${synced.app.url}/segnalazioni`)
    const late = page.locator(`article[data-report="${LATE}"]`)
    const recent = page.locator(`article[data-report="${RECENT}"]`)
    await late.waitFor({ timeout: 30_000 })
    await expect(page.locator('[data-test="clock-counts"]').textContent()).resolves.toContain('In ritardo: 1')
    await expect(late.locator('[data-clock]').getAttribute('data-clock')).resolves.toBe('overdue')
    expect(await runAxe(page)).toEqual([])
    await late.getByRole('button', { name: 'Gestisci' }).click()
    await screenshots(page, 'work-orders-triage-queue')

    await late.getByLabel('Motivo del rifiuto').selectOption('duplicate')
    await late.getByRole('button', { name: 'Respingi' }).click()
    await late.getByText('Indica la segnalazione originale').waitFor()
    await late.getByLabel('Scadenza', { exact: true }).fill('2020-01-01')
    await late.getByRole('button', { name: 'Imposta scadenza' }).click()
    await late.getByText('La scadenza non può essere prima della segnalazione').waitFor()
    expect(await countRows(page, 'outbox')).toBe(0)
    expect(await runAxe(page)).toEqual([])

    await late.getByRole('checkbox', { name: 'Operaio Luca Bertoni' }).check()
    await late.getByRole('button', { name: 'Assegna' }).click()
    await late.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Assegnate (1)' }).click()
    await late.getByText('Assegnata a: Operaio Luca Bertoni').waitFor()
    await waitUntilAllSent(page)

    await browser.context.setOffline(true)
    await page.getByRole('button', { name: 'Nuove (1)' }).click()
    await recent.getByRole('button', { name: 'Gestisci' }).click()
    await recent.getByLabel('Motivo del rifiuto').selectOption('not_ours')
    await recent.getByRole('button', { name: 'Respingi' }).click()
    await page.getByRole('button', { name: 'Respinte (1)' }).click()
    await recent.getByText('Respinta: non di competenza del comune').waitFor()
    expect(await countRows(page, 'outbox')).toBe(1)
    await browser.context.setOffline(false)
    await waitUntilAllSent(page)

    const orders = await queryServer<{ id: string; assignees: string[]; decline_reason: string | null }>(
      synced.stack,
      'select id, assignees, decline_reason from public.work_orders where id = any($1::uuid[]) order by id',
      [[LATE, RECENT]],
    )
    expect(orders).toEqual([
      { id: LATE, assignees: [WORKER_ID], decline_reason: null },
      { id: RECENT, assignees: [], decline_reason: 'not_ours' },
    ])
  })
})
