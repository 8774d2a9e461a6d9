import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAxe } from '../support/axe'
import { entriesAt, queryServer, startSyncedApp, waitUntilAllSent, type SyncedApp } from '../support/synced-app'

/**
 * Issue 12 through the UI, as a comune would do it (no rebuild, no SQL): the admin starts the
 * 2026–2028 draft from the plan in force, changes a target, adds an area with an objective and
 * adopts it; an officer's tablet gets the new plan on its next sync and logs against it; the
 * area manager's dashboard for 2026 counts it, and the superseded plan stays readable. Its own
 * stack: the adoption changes which plan every later entry belongs to.
 */
const JUNE_2026 = new Date('2026-06-15T10:00:00+02:00')
const DESKTOP = { viewport: { width: 1280, height: 800 } }
const NEW_PLAN = 'pisogne-2026-2028'

describe('plans editor: a new PIAO from the browser to the field and the dashboard', () => {
  let synced: SyncedApp
  beforeAll(async () => {
    synced = await startSyncedApp()
  })
  afterAll(async () => {
    await synced?.close()
  })

  const planRow = (page: Page, planId: string) => page.locator(`tr[data-plan="${planId}"]`)

  async function fillNewObjective(page: Page) {
    const area = page.getByRole('region', { name: 'Obiettivi: Protezione civile' })
    await area.getByRole('button', { name: 'Aggiungi un obiettivo in quest’area' }).click()
    await area.getByRole('button', { name: /^1\. nuovo-obiettivo/ }).click()
    await area.getByLabel('Codice').fill('pc-allerta-meteo')
    const texts: [string, string][] = [
      ['Obiettivo', 'Controlli del territorio nei giorni di allerta meteo'],
      ['Responsabile', 'Responsabile della Protezione civile'],
      ['Portatori di interesse', 'Cittadinanza'],
      ['Chi contribuisce', 'Volontari, Polizia Locale'],
      ['Tempi di realizzazione', 'Entro il 31/12/2026'],
      ['Modalità di misurazione', 'Numero di controlli nei giorni di allerta'],
      ['Valore di partenza', 'Nessun controllo registrato'],
      ['Risultato atteso', 'Almeno 12 controlli all’anno'],
      ['Fonte dei dati', 'Registro dei controlli'],
    ]
    for (const [label, value] of texts) await area.getByLabel(label, { exact: true }).fill(value)
    await area.getByLabel('Unità di misura').fill('controlli')
    await area.getByLabel('Target', { exact: true }).fill('12')
    await area.getByRole('checkbox', { name: 'Pattuglia' }).check()
  }

  it('the admin drafts, edits and adopts the next plan; the officer logs against it; the manager sees it counted', async () => {
    const admin = await synced.signedIn('admin@sulcampo.test', DESKTOP)
    await admin.page.clock.setFixedTime(JUNE_2026)
    await admin.page.goto(`${synced.app.url}/amministrazione`)
    await admin.page.getByRole('link', { name: /Piani del comune/ }).click()
    await expect(planRow(admin.page, 'pisogne-2023-2025').textContent()).resolves.toContain('Adottato')
    expect(await runAxe(admin.page)).toEqual([])

    await admin.page.getByRole('button', { name: 'Nuovo piano da quello in vigore' }).click()
    await admin.page.waitForURL(`**/amministrazione/piani/${NEW_PLAN}`)
    await admin.page.getByRole('heading', { level: 1, name: /2026–2028/ }).waitFor()

    // A target out of range is refused at the field, and nothing can be saved.
    const signage = admin.page.locator('article[data-objective="terr-segnaletica-2026"]')
    await signage.getByRole('button', { name: /Costante monitoraggio/ }).click()
    await signage.getByLabel('Target', { exact: true }).fill('140')
    await signage.getByText('è una percentuale da 0 a 100').waitFor()
    expect(await admin.page.getByRole('button', { name: 'Salva la bozza' }).isDisabled()).toBe(true)
    await signage.getByLabel('Target', { exact: true }).fill('80')
    await expect(signage.getByText('è una percentuale da 0 a 100').count()).resolves.toBe(0)

    await admin.page.getByRole('button', { name: 'Aggiungi un’area' }).click()
    const newArea = admin.page.locator('[data-area="nuova_area"]')
    await newArea.getByLabel('Nome (italiano)').fill('Protezione civile')
    await newArea.getByLabel('Nome (inglese)').fill('Civil protection')
    await newArea.getByLabel('Codice').fill('protezione_civile')
    await fillNewObjective(admin.page)
    expect(await runAxe(admin.page)).toEqual([])

    await admin.page.getByRole('button', { name: 'Salva la bozza' }).click()
    await admin.page.getByText('Bozza salvata sul server (30 obiettivi).').waitFor()
    const [target] = await queryServer<{ target: string }>(synced.stack, "select indicator ->> 'target' as target from public.objectives where id = 'terr-segnaletica-2026'")
    expect(target?.target).toBe('80')

    await admin.page.getByLabel('Atto di adozione').fill('Delibera G.C. n. 21 del 10.02.2026')
    await admin.page.getByLabel('Data dell’atto').fill('2026-02-10')
    await admin.page.getByRole('button', { name: 'Verifica l’adozione' }).click()
    await admin.page.getByText('resterà in vigore fino al 31 dicembre 2025 e poi sarà sostituito').waitFor()
    // Asked, not done: the officer's devices still get nothing.
    await expect(queryServer(synced.stack, "select status from public.plans where id = $1", [NEW_PLAN])).resolves.toEqual([{ status: 'draft' }])
    await admin.page.getByRole('button', { name: 'Conferma l’adozione' }).click()
    await admin.page.waitForURL('**/amministrazione/piani')
    await expect.poll(() => planRow(admin.page, NEW_PLAN).textContent(), { timeout: 30_000 }).toContain('Adottato')
    await expect.poll(() => planRow(admin.page, 'pisogne-2023-2025').textContent(), { timeout: 30_000 }).toContain('Sostituito')

    const officer = await synced.signedIn('agente@sulcampo.test')
    await officer.page.clock.setFixedTime(JUNE_2026)
    await officer.page.goto(`${synced.app.url}/`)
    await officer.page.getByRole('heading', { name: 'Protezione civile' }).waitFor({ timeout: 30_000 })
    const place = `Pattuglia piano 2026 ${Date.now()}`
    await officer.page.goto(`${synced.app.url}/campo/nuovo/checkpoint`)
    await officer.page.getByLabel('Luogo (via, civico, località)').fill(place)
    await officer.page.getByRole('button', { name: 'Salva' }).click()
    await officer.page.waitForURL('**/campo')
    await waitUntilAllSent(officer.page)
    const logged = await queryServer<{ objective_id: string }>(synced.stack, "select objective_id from public.entries where payload ->> 'place' = $1", [place])
    expect(logged).toEqual([{ objective_id: 'pl-pattugliamento-2026' }])

    const manager = await synced.signedIn('comandante@sulcampo.test', DESKTOP)
    await manager.page.clock.setFixedTime(JUNE_2026)
    await manager.page.goto(`${synced.app.url}/cruscotto`)
    await expect.poll(() => entriesAt(manager.page, place), { timeout: 30_000 }).toBe(1)
    await manager.page.reload()
    await expect(manager.page.locator('[data-test="plan-picker"]').inputValue()).resolves.toBe(NEW_PLAN)
    await expect(manager.page.getByLabel('Anno').inputValue()).resolves.toBe('2026')
    const patrols = manager.page.locator('tr[data-objective="pl-pattugliamento-2026"] td').first()
    await expect.poll(() => patrols.textContent(), { timeout: 30_000 }).toMatch(/^1\b/)

    // The superseded plan stays readable, with its own objectives and years.
    await manager.page.locator('[data-test="plan-picker"]').selectOption('pisogne-2023-2025')
    await manager.page.getByLabel('Anno').selectOption('2024')
    await manager.page.locator('tr[data-objective="pl-pattugliamento"]').waitFor()
    await expect(manager.page.locator('tr[data-objective="pl-pattugliamento-2026"]').count()).resolves.toBe(0)
  }, 300_000)

  it('refuses the plans pages to a non-admin, and says offline that editing needs the network', async () => {
    const officer = await synced.signedIn('agente@sulcampo.test')
    await officer.page.goto(`${synced.app.url}/amministrazione/piani`)
    await officer.page.getByText('Questa pagina è riservata agli amministratori.').waitFor()

    const admin = await synced.signedIn('admin@sulcampo.test', DESKTOP)
    await admin.page.goto(`${synced.app.url}/amministrazione/piani`)
    await planRow(admin.page, 'pisogne-2023-2025').waitFor()
    await admin.browser.context.setOffline(true)
    await admin.page.getByText('Sei offline: per modificare e adottare i piani serve la rete.').waitFor()
    expect(await admin.page.getByRole('button', { name: 'Nuovo piano da quello in vigore' }).isDisabled()).toBe(true)
  }, 120_000)
})
