import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAxe } from '../support/axe'
import { queryServer, startSyncedApp, type SyncedApp } from '../support/synced-app'
import { screenshots } from './field-log-helpers'

/**
 * Issue 13 / ARCHITECTURE.md §4: the value that lost a conflict is kept and shown. A report with
 * a hand-back that lost to the manager's reassignment, as the server records it, read by the
 * territory manager from the triage card's link: the lost value is marked, with the value that
 * prevailed and the rule; offline the section says it needs the network. And where a conflict
 * happens: the worker's hand-back made offline loses to the manager's reassignment, and the
 * status bar says so with a link to the history.
 */
const OFFICER_ID = '5c000000-0000-4000-8000-000000000001'
const WORKER_ID = '5c000000-0000-4000-8000-000000000004'
const MANAGER_ID = '5c000000-0000-4000-8000-000000000005'
const REPORT = '00000000-0000-4000-8000-00000000e141'
const HANDED_BACK = '00000000-0000-4000-8000-00000000e142'

describe('the change history of an entry', () => {
  let synced: SyncedApp
  beforeAll(async () => {
    synced = await startSyncedApp()
    const reportedAt = new Date(Date.now() - 86_400_000).toISOString()
    const report = (id: string, place: string) =>
      queryServer(
        synced.stack,
        `insert into public.entries (id, objective_id, kind, payload, status, occurred_at, author_id)
         values ($1, 'terr-segnaletica', 'maintenance_report', $2, 'open', $3, $4)`,
        [id, { category: 'signage', description: 'Cartello piegato', place, location: null, reportedAt, resolvedAt: null }, reportedAt, OFFICER_ID],
      )
    await report(REPORT, 'Via Valeriana 4')
    await report(HANDED_BACK, 'Via Mazzini 7')
    await queryServer(synced.stack, `insert into public.work_orders (id, assignees, priority) values ($1, $2, 'normal')`, [HANDED_BACK, [WORKER_ID]])
    const history = (by: string, at: string, field: string, oldValue: unknown, newValue: unknown, reason: string) =>
      queryServer(
        synced.stack,
        `insert into public.entry_history (entry_id, changed_by, changed_at, version, field, old_value, new_value, reason)
         values ($1, $2, $3, 1, $4, $5::jsonb, $6::jsonb, $7)`,
        [REPORT, by, at, field, JSON.stringify(oldValue), JSON.stringify(newValue), reason],
      )
    await history(OFFICER_ID, '2026-12-04T20:30:00Z', 'payload.description', 'Cartello', 'Cartello piegato', 'edit')
    await history(MANAGER_ID, '2026-12-04T20:40:00Z', 'workOrder.assignees', [WORKER_ID], [WORKER_ID, MANAGER_ID], 'edit')
    await history(WORKER_ID, '2026-12-04T20:45:00Z', 'workOrder.assignees', [WORKER_ID, MANAGER_ID], [], 'conflict_lost')
  })
  afterAll(async () => {
    await synced?.close()
  })

  it('the manager reads it from the triage card: the lost value is marked; offline it needs the network', async () => {
    const { browser, page } = await synced.signedIn('tecnico@sulcampo.test')
    await page.goto(`${synced.app.url}/segnalazioni`)
    const card = page.locator(`article[data-report="${REPORT}"]`)
    await card.waitFor({ timeout: 30_000 })
    await card.getByRole('link', { name: 'Cronologia' }).click()
    await page.waitForURL(`**/campo/voce/${REPORT}#cronologia`)

    const history = page.locator('[data-test="entry-history"]')
    await history.getByRole('heading', { name: 'Cronologia delle modifiche' }).waitFor()
    const lost = history.locator('[data-test="history-lost"]')
    await lost.waitFor({ timeout: 30_000 })
    await expect(lost.locator('p').allInnerTexts()).resolves.toEqual(
      [
        '04/12/26, 21:45, Operaio Luca Bertoni',
        'Assegnata a: proposto “nessuno”',
        'Non applicato: ha prevalso il valore di Responsabile Anna Ghirardi, “Operaio Luca Bertoni, Responsabile Anna Ghirardi”.',
        'Regola: assegnazione, priorità, scadenza e rifiuto spettano al responsabile d’area.',
      ],
    )
    // The officer is of another area: the manager's device does not know the name.
    await expect(history.locator('[data-test="history-change"] p').allInnerTexts()).resolves.toEqual([
      '04/12/26, 21:30, un altro utente',
      'Descrizione: Cartello → Cartello piegato',
      '04/12/26, 21:40, Responsabile Anna Ghirardi',
      'Assegnata a: Operaio Luca Bertoni → Operaio Luca Bertoni, Responsabile Anna Ghirardi',
    ])
    expect(await runAxe(page)).toEqual([])
    await screenshots(page, 'entry-history')

    await browser.context.setOffline(true)
    await page.goto(`${synced.app.url}/campo/voce/${REPORT}`)
    await history.getByText('La cronologia si legge dal server: serve la rete. Riprova quando sei collegato.').waitFor()
    expect(await lost.count()).toBe(0)
    expect(await runAxe(page)).toEqual([])
    await browser.context.setOffline(false)
    await lost.waitFor({ timeout: 30_000 })
  })

  it('the worker’s hand-back made offline loses to the manager’s reassignment: the bar says so and links to the history', async () => {
    const { browser, page } = await synced.signedIn('operaio@sulcampo.test')
    const card = page.locator(`[data-test="assigned-to-me"] article[data-report="${HANDED_BACK}"]`)
    await card.waitFor({ timeout: 30_000 })
    await browser.context.setOffline(true)
    await card.getByRole('button', { name: 'Restituisci' }).click()
    await card.getByLabel('Motivo della restituzione').fill('Serve il cestello')
    await card.getByRole('button', { name: 'Restituisci al responsabile' }).click()
    await card.waitFor({ state: 'detached' })
    // Meanwhile the manager adds themselves to the order (as the server records a manager's change).
    await queryServer(
      synced.stack,
      `begin;
       select set_config('request.jwt.claims', '{"sub": "${MANAGER_ID}", "role": "authenticated"}', true);
       update public.work_orders set assignees = array['${WORKER_ID}', '${MANAGER_ID}']::uuid[] where id = '${HANDED_BACK}';
       commit;`,
    )
    await browser.context.setOffline(false)

    const notice = page.locator('[data-test="conflict-notice"]')
    await notice.waitFor({ timeout: 30_000 })
    await expect(notice.textContent()).resolves.toContain('Una tua modifica non è stata applicata: vedi la cronologia')
    expect(await runAxe(page)).toEqual([])
    await notice.click()
    await page.waitForURL(`**/campo/voce/${HANDED_BACK}#cronologia`)
    const lost = page.locator('[data-test="history-lost"]')
    await lost.first().waitFor({ timeout: 30_000 })
    await expect(lost.locator('p').allInnerTexts()).resolves.toEqual([
      expect.stringContaining('Operaio Luca Bertoni'),
      'Assegnata a: proposto “nessuno”',
      'Non applicato: ha prevalso il valore di Responsabile Anna Ghirardi, “Operaio Luca Bertoni, Responsabile Anna Ghirardi”.',
      'Regola: assegnazione, priorità, scadenza e rifiuto spettano al responsabile d’area.',
      expect.stringContaining('Operaio Luca Bertoni'),
      'Motivo della restituzione: proposto “Serve il cestello”',
      expect.stringContaining('Non applicato: ha prevalso il valore di'),
      'Regola: assegnazione, priorità, scadenza e rifiuto spettano al responsabile d’area.',
    ])
    // Followed: the notice is gone.
    await notice.waitFor({ state: 'detached' })
    expect(await runAxe(page)).toEqual([])
  })
})
