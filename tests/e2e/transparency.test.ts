import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAxe } from '../support/axe'
import { launchBrowser, type LaunchedBrowser } from '../support/browser'
import { entriesAt, queryServer, startSyncedApp, waitUntilAllSent, type SyncedApp } from '../support/synced-app'

/**
 * Issue 15 as a comune would use it: an officer logs a checkpoint, the admin publishes the plan in
 * force for Amministrazione Trasparente, and a citizen, never signed in, reads the page on a phone
 * and a desktop, prints it and downloads its open data. Nothing of the field (the checkpoint's
 * place) reaches the citizen. Its own stack: a published snapshot is never removed.
 */
const DESKTOP = { viewport: { width: 1280, height: 800 } }
const SHOTS = 'test-results'
const NOTE = 'Pattuglie serali raddoppiate da ottobre.'

/** The parts of the DCAT-AP_IT metadata the national catalogue harvests that this test reads. */
interface DcatDataset {
  'dct:publisher': object
  'dcat:landingPage': object
  'dcat:distribution': { 'dct:license': object; 'dcat:downloadURL': { '@id': string } }[]
}

describe('public transparency page: the admin publishes, a citizen reads and downloads', () => {
  let synced: SyncedApp
  let citizen: LaunchedBrowser | undefined
  beforeAll(async () => {
    synced = await startSyncedApp()
  })
  afterAll(async () => {
    await citizen?.close()
    await synced?.close()
  })

  /** Every call the page makes to the server, by path. */
  function serverCalls(page: Page): string[] {
    const calls: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.origin !== new URL(synced.app.url).origin) calls.push(url.pathname)
    })
    return calls
  }

  async function download(page: Page, button: string): Promise<{ name: string; text: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()])
    const bytes = await readFile((await file.path())!)
    return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes }
  }

  /** What a harvester gets at a URL: a plain HTTP GET, no browser. */
  const harvest = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer())

  it('publishes the dashboard’s figures with the manager’s note, and shows them to a signed-out visitor with nothing personal', async () => {
    const officer = await synced.signedIn('agente@sulcampo.test')
    const place = `Posto di blocco trasparenza ${Date.now()}`
    await officer.page.goto(`${synced.app.url}/campo/nuovo/checkpoint`)
    await officer.page.getByLabel('Luogo (via, civico, località)').fill(place)
    await officer.page.getByRole('button', { name: 'Salva' }).click()
    await officer.page.waitForURL('**/campo')
    await waitUntilAllSent(officer.page)
    await queryServer(synced.stack, `insert into public.objective_settings (id, note) values ('pl-pattugliamento', $1)
      on conflict (id) do update set note = excluded.note`, [NOTE])

    // Before anything is published, the public page says so.
    citizen = await launchBrowser()
    const visitor = await citizen.context.newPage()
    const calls = serverCalls(visitor)
    await visitor.goto(`${synced.app.url}/trasparenza`)
    await visitor.getByText('Il comune non ha ancora pubblicato dati sulla performance.').waitFor()
    expect(new URL(visitor.url()).pathname).toBe('/trasparenza')
    // The app shell is cached for the offline visit below.
    await visitor.evaluate(async () => {
      await navigator.serviceWorker.ready
    })

    const admin = await synced.signedIn('admin@sulcampo.test', DESKTOP)
    await admin.page.goto(`${synced.app.url}/amministrazione`)
    await expect.poll(() => entriesAt(admin.page, place), { timeout: 30_000 }).toBe(1)
    const publish = admin.page.locator('[data-test="publish-snapshot"]')
    const button = publish.getByRole('button', { name: 'Pubblica i dati in Amministrazione Trasparente' })

    await admin.browser.context.setOffline(true)
    await publish.getByText('Sei offline: per pubblicare serve la rete.').waitFor()
    expect(await button.isDisabled()).toBe(true)
    await admin.browser.context.setOffline(false)
    await expect.poll(() => button.isDisabled(), { timeout: 10_000 }).toBe(false)

    // A date after today is the server's refusal, translated; nothing is stored.
    await publish.getByLabel('Dati al').fill('2099-01-01')
    await button.click()
    await publish.getByText('La data è successiva a oggi: si pubblica solo ciò che è già avvenuto.').waitFor()
    await expect(queryServer(synced.stack, 'select count(*)::int as n from public.published_snapshots')).resolves.toEqual([{ n: 0 }])

    const [{ today }] = await queryServer<{ today: string }>(synced.stack, "select to_char((now() at time zone 'Europe/Rome')::date, 'YYYY-MM-DD') as today")
    await publish.getByLabel('Dati al').fill(today!)
    await button.click()
    await publish.getByRole('link', { name: 'Apri la pagina pubblica' }).click()
    await admin.page.waitForURL('**/trasparenza/*')
    const snapshotId = new URL(admin.page.url()).pathname.split('/').at(-1)!
    const [stored] = await queryServer<{ as_of: string; objectives: number }>(synced.stack,
      "select to_char(as_of, 'YYYY-MM-DD') as as_of, jsonb_array_length(body -> 'objectives') as objectives from public.published_snapshots where id = $1", [snapshotId])
    expect(stored).toEqual({ as_of: today, objectives: 29 })

    // The citizen's phone: the latest snapshot, no sign-in, none of the app's screens.
    await visitor.reload()
    await visitor.getByRole('heading', { level: 1, name: /Obiettivi di performance: stato al/ }).waitFor()
    expect(new URL(visitor.url()).pathname).toBe('/trasparenza')
    await expect(visitor.locator('[data-test="comune"]').textContent()).resolves.toBe('Comune di Pisogne')
    await expect(visitor.locator('article[data-objective]').count()).resolves.toBe(29)
    const patrols = visitor.locator('article[data-objective="pl-pattugliamento"]')
    await expect(patrols.textContent()).resolves.toContain(NOTE)
    await expect(patrols.locator('[data-test="figure"]').textContent()).resolves.toMatch(/\d+ pattuglie/)
    await expect(visitor.getByRole('navigation', { name: 'Navigazione principale' }).count()).resolves.toBe(0)
    await expect(visitor.locator('[data-test="sync-bar"]').count()).resolves.toBe(0)
    await expect(visitor.locator('body').textContent()).resolves.not.toContain(place)
    expect(await runAxe(visitor)).toEqual([])
    await visitor.screenshot({ path: `${SHOTS}/transparency-360x740.png` })
    // Only the two public readers were called: no sign-in, no sync.
    expect(new Set(calls)).toEqual(new Set(['/rest/v1/rpc/published_snapshot', '/rest/v1/rpc/published_snapshot_list']))

    const csv = await download(visitor, 'Scarica CSV')
    expect(csv.name).toBe(`performance-017143-${today}.csv`)
    expect(csv.text.startsWith('\uFEFF')).toBe(true)
    const rows = csv.text.slice(1).trimEnd().split('\r\n')
    expect(rows[0]).toBe('Area;Codice obiettivo;Obiettivo;Target previsto dal PIAO;Valore;Valore obiettivo;Unità;Stato;Nota del responsabile')
    expect(rows).toHaveLength(30)
    expect(rows.find((row) => row.includes(';pl-pattugliamento;'))).toContain(NOTE)
    const json = await download(visitor, 'Scarica JSON')
    expect(JSON.parse(json.text)).toMatchObject({ id: snapshotId, asOf: today, municipality: { name: 'Comune di Pisogne', istatCode: '017143' } })
    const metadataFile = await download(visitor, 'Scarica i metadati DCAT-AP_IT')
    const metadata = JSON.parse(metadataFile.text) as DcatDataset
    expect(metadata['dct:publisher']).toMatchObject({ 'foaf:name': 'Comune di Pisogne', 'dct:identifier': '017143' })
    expect(metadata['dcat:landingPage']).toEqual({ '@id': `${synced.app.url}/trasparenza/${snapshotId}` })
    expect(metadata['dcat:distribution']).toHaveLength(2)
    for (const distribution of metadata['dcat:distribution']) {
      expect(distribution['dct:license']).toMatchObject({ '@id': 'https://creativecommons.org/licenses/by/4.0/', 'foaf:name': 'CC BY 4.0' })
    }
    for (const file of [csv.text, json.text, JSON.stringify(metadata)]) expect(file).not.toContain(place)
    // A harvester fetches, without a browser, the very bytes a visitor downloads.
    const files = `${synced.app.url}/trasparenza/dati/${snapshotId}`
    expect(metadata['dcat:distribution'].map((d) => d['dcat:downloadURL']['@id'])).toEqual([`${files}.csv`, `${files}.json`])
    expect((await harvest(`${files}.csv`)).equals(csv.bytes)).toBe(true)
    expect((await harvest(`${files}.json`)).equals(json.bytes)).toBe(true)
    expect((await harvest(`${files}.jsonld`)).equals(metadataFile.bytes)).toBe(true)

    // Printed: the figures, not the buttons.
    await visitor.emulateMedia({ media: 'print' })
    expect(await visitor.getByRole('button', { name: 'Scarica CSV' }).isVisible()).toBe(false)
    expect(await patrols.isVisible()).toBe(true)
    await visitor.emulateMedia({ media: 'screen' })

    await visitor.setViewportSize(DESKTOP.viewport)
    await visitor.goto(`${synced.app.url}/trasparenza/${snapshotId}`)
    await visitor.locator('article[data-objective="pl-pattugliamento"]').waitFor()
    await expect(visitor.locator('[data-test="snapshot-list"] [aria-current="page"]').count()).resolves.toBe(1)
    expect(await runAxe(visitor)).toEqual([])
    await visitor.screenshot({ path: `${SHOTS}/transparency-1280x800.png` })
  })

  it('tells a visitor when a link names no publication, and when there is no network', async () => {
    const visitor = await citizen!.context.newPage()
    await visitor.goto(`${synced.app.url}/trasparenza/3b8e7c1a-0000-4000-8000-00000000ffff`)
    await visitor.getByText('Questa pubblicazione non esiste.').waitFor()
    await expect(visitor.locator('[data-test="snapshot-list"] li').count()).resolves.toBe(1)
    await visitor.getByRole('button', { name: 'EN' }).click()
    await visitor.getByText('This publication does not exist.').waitFor()
    await visitor.getByRole('button', { name: 'IT' }).click()

    await citizen!.context.setOffline(true)
    await visitor.goto(`${synced.app.url}/trasparenza`)
    await visitor.getByText('Nessuna connessione: i dati pubblicati si leggono in rete.').waitFor()
    await citizen!.context.setOffline(false)
    await visitor.getByRole('button', { name: 'Riprova' }).click()
    await visitor.locator('article[data-objective="pl-pattugliamento"]').waitFor()
    await visitor.close()
  })
})
