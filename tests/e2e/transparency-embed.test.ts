import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAxe } from '../support/axe'
import { launchBrowser, type LaunchedBrowser } from '../support/browser'
import { queryServer, startSyncedApp, type SyncedApp } from '../support/synced-app'

/**
 * Issue 15 item 4 as a comune would use it: the admin lists the comune's site and copies the code;
 * the comune's page frames the embed view and it shows the latest figures; a site not listed is
 * refused by the browser (frame-ancestors). The comune's sites are https pages Playwright serves
 * itself (route), so the browser compares a real https origin; the app stays on loopback.
 */
const COMUNE_SITE = 'https://www.comune-pisogne.test'
const OTHER_SITE = 'https://altro-sito.test'
const SHOTS = 'test-results'

describe('embedding the public page in the comune’s site', () => {
  let synced: SyncedApp
  let citizen: LaunchedBrowser | undefined
  beforeAll(async () => {
    synced = await startSyncedApp()
    // A published snapshot of the plan in force today, as the admin's dashboard would send it.
    await queryServer(synced.stack, `select public.publish_snapshot((now() at time zone 'Europe/Rome')::date, (
      select jsonb_agg(jsonb_build_object('objectiveId', o.id, 'value', 3, 'target', 10, 'unit', 'pattuglie', 'status', 'on_track'))
      from public.objectives o where o.plan_id = (private.plan_in_force_on((now() at time zone 'Europe/Rome')::date)).id and not o.deleted))`)
  })
  afterAll(async () => {
    await citizen?.close()
    await synced?.close()
  })

  /** The site's page with the code the admin copied, served at `site` by the browser itself. */
  async function siteWith(page: Page, site: string, snippet: string): Promise<void> {
    await page.route(`${site}/**`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="it"><title>Comune</title><body style="margin:0">${snippet}</body></html>` }))
    await page.goto(`${site}/amministrazione-trasparente`)
  }

  it('frames the embed view on the site the admin listed, and nowhere else', async () => {
    const admin = await synced.signedIn('admin@sulcampo.test', { viewport: { width: 1280, height: 800 } })
    await admin.page.goto(`${synced.app.url}/amministrazione`)
    const panel = admin.page.locator('[data-test="embed-origins"]')
    await panel.getByText('Nessun sito: per ora nessuno può incorporare la pagina.').waitFor()
    const field = panel.getByLabel('Indirizzo del sito (https://…)')
    const add = panel.getByRole('button', { name: 'Aggiungi il sito' })

    // Bad input: a translated message, nothing listed.
    await field.fill('http://www.comune-pisogne.test')
    await add.click()
    await panel.getByText('Solo i siti in https possono incorporare la pagina.').waitFor()
    await field.fill('https://www.comune-pisogne.test/trasparenza')
    await add.click()
    await panel.getByText(/senza percorso: per esempio/).first().waitFor()
    await expect(queryServer(synced.stack, 'select count(*)::int as n from public.embed_origins')).resolves.toEqual([{ n: 0 }])

    // As the address bar shows it: trailing slash and capitals are fine.
    await field.fill('https://WWW.comune-pisogne.test/')
    await add.click()
    await panel.locator('code', { hasText: COMUNE_SITE }).waitFor()
    await expect(field.inputValue()).resolves.toBe('')
    expect(await queryServer(synced.stack, 'select origin from public.embed_origins')).toEqual([{ origin: COMUNE_SITE }])
    expect(await runAxe(admin.page)).toEqual([])
    const snippet = await panel.getByLabel('Codice HTML').inputValue()
    expect(snippet).toContain(`<iframe src="${synced.app.url}/trasparenza/incorpora" title="Obiettivi di performance: ultimi dati pubblicati" loading="lazy"`)
    expect(snippet).toContain(`<a href="${synced.app.url}/trasparenza" target="_blank" rel="noopener">`)

    // The comune's page, on a phone: the figures in the frame, every link out to a new tab.
    // The comune's site is a public https page and the app is on loopback here: Chromium's local
    // network access checks would refuse that frame before frame-ancestors is even looked at.
    // In production both are public sites, so the checks are switched off for this browser only.
    citizen = await launchBrowser({ args: ['--disable-features=LocalNetworkAccessChecks'] })
    const comune = await citizen.context.newPage()
    const calls: string[] = []
    comune.on('request', (request) => {
      if (request.url().includes('/rest/v1/')) calls.push(new URL(request.url()).pathname)
    })
    await siteWith(comune, COMUNE_SITE, snippet.replace('height="640"', 'height="700"'))
    const framed = comune.frameLocator('iframe')
    await framed.getByRole('heading', { level: 1, name: /Obiettivi di performance: stato al/ }).waitFor()
    await expect(framed.getByText('Comune di Pisogne').count()).resolves.toBe(1)
    await expect(framed.locator('[data-objective="pl-pattugliamento"] [data-test="figure"]').textContent()).resolves.toMatch(/3 pattuglie \/ 10 pattuglie/)
    await expect(framed.getByRole('navigation').count()).resolves.toBe(0)
    await expect(framed.getByRole('banner').count()).resolves.toBe(0)
    for (const link of await framed.getByRole('link').all()) {
      expect([await link.getAttribute('target'), await link.getAttribute('rel')]).toEqual(['_blank', 'noopener'])
    }
    expect(new Set(calls)).toEqual(new Set(['/rest/v1/rpc/published_snapshot', '/rest/v1/rpc/published_snapshot_list']))
    await comune.screenshot({ path: `${SHOTS}/transparency-embed-in-site-360x740.png` })

    // The embed view alone, at the size of a phone: small, and accessible.
    const view = await citizen.context.newPage()
    await view.goto(`${synced.app.url}/trasparenza/incorpora`)
    await view.locator('[data-objective="pl-pattugliamento"]').waitFor()
    expect(await runAxe(view)).toEqual([])
    await view.screenshot({ path: `${SHOTS}/transparency-embed-360x740.png` })

    // A site not listed: Chromium refuses to frame the view (the server says who may).
    const other = await citizen.context.newPage()
    const refused = new Promise<string>((resolve) =>
      other.on('console', (message) => message.text().includes('frame-ancestors') && resolve(message.text())))
    await siteWith(other, OTHER_SITE, snippet)
    await expect(refused).resolves.toContain(`frame-ancestors ${COMUNE_SITE}`)
    await expect(other.frameLocator('iframe').locator('[data-test="embed-view"]').count()).resolves.toBe(0)

    // The admin removes the site: the list says none.
    await panel.getByRole('button', { name: `Rimuovi ${COMUNE_SITE}` }).click()
    await panel.getByText('Nessun sito: per ora nessuno può incorporare la pagina.').waitFor()
    await expect(queryServer(synced.stack, 'select count(*)::int as n from public.embed_origins')).resolves.toEqual([{ n: 0 }])
  })
})
