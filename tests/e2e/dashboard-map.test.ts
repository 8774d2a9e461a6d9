import type { Page } from 'playwright-core'
import { afterEach, describe, expect, inject, it } from 'vitest'
import type { Entry } from '~/domain/entry'
import { runAxe } from '../support/axe'
import { entries, managerPage, type ManagerPage } from './dashboard-fixtures'

/** Each test opens its own browser profile, closed here even when the test fails. */
let opened: ManagerPage | undefined
afterEach(async () => {
  await opened?.close()
  opened = undefined
})

const AT = { lat: 45.8085, lng: 10.1076, accuracy: 8 }

function located(): Entry[] {
  const [report] = entries('terr-segnaletica', 'maintenance_report', 1, '2024-06-21')
  const [check] = entries('pl-fascia-montana', 'territory_check', 1, '2024-06-28')
  const [patrol, unlocated] = entries('pl-pattugliamento', 'patrol', 2, '2024-06-30')
  return [
    { ...report!, status: 'open', payload: { category: 'signage', description: 'Cartello abbattuto', place: '<b>Via Roma</b>', location: AT, reportedAt: report!.occurredAt, resolvedAt: null } },
    { ...check!, payload: { topic: 'vasp', place: 'Passabocche', outcome: 'ok', notes: '', location: { lat: 45.83, lng: 10.15, accuracy: 25 } } },
    { ...patrol!, payload: { zone: 'Lungolago', location: { lat: 45.806, lng: 10.104, accuracy: 5 } } },
    { ...unlocated!, payload: { zone: 'Centro', location: null } },
  ]
}

declare global {
  interface Window {
    mapCspViolations?: string[]
  }
}

/** From the next document on, every CSP violation is kept for the test to read. */
async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.mapCspViolations = []
    document.addEventListener('securitypolicyviolation', (event) => window.mapCspViolations!.push(`${event.effectiveDirective} ${event.blockedURI}`))
  })
}

async function openMapFromDashboard(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Mappa delle segnalazioni e dei controlli' }).click()
  await page.getByRole('heading', { name: 'Elenco delle posizioni' }).waitFor()
  await page.locator('tbody tr[data-entry]').first().waitFor()
}

const listRows = (page: Page) => page.locator('tbody tr[data-entry]').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent!.trim())))

describe('map of reports and checks', () => {
  it('offline, says the map is unavailable and still lists every located entry the manager may see', async () => {
    const appUrl = inject('appUrl')
    opened = await managerPage(appUrl, { entries: located() })
    const { page } = opened
    await recordCspViolations(page)
    await page.goto(`${appUrl}/cruscotto`)
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready) && navigator.serviceWorker.controller !== null)
    await page.context().setOffline(true)

    await openMapFromDashboard(page)
    await page.getByText('Mappa non disponibile senza rete').waitFor()
    await expect(listRows(page)).resolves.toEqual([
      ['Pattuglia', 'Lungolago', '1 giorno fa', '—', '—', '45,80600° N, 10,10400° E (± 5 m)'],
      ['Strade agro-silvo-pastorali (VASP)', 'Passabocche', '3 giorni fa', 'Regolare', '—', '45,83000° N, 10,15000° E (± 25 m)'],
      ['Segnaletica', '<b>Via Roma</b>', '10 giorni fa', 'Aperta', 'In ritardo', '45,80850° N, 10,10760° E (± 8 m)'],
    ])
    await expect(page.locator('.leaflet-container').count()).resolves.toBe(0)
    await expect(page.evaluate(() => window.mapCspViolations)).resolves.toEqual([])
    await expect(runAxe(page)).resolves.toEqual([])
    await page.context().setOffline(false)
  })

  it('online, draws one marker per located entry on OpenStreetMap tiles, with the place as plain text', async () => {
    const appUrl = inject('appUrl')
    opened = await managerPage(appUrl, { entries: located() })
    const { page } = opened
    await recordCspViolations(page)
    // No internet here: the tile server is stood in for by a 1×1 PNG.
    const tile = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')
    await page.route('https://*.tile.openstreetmap.org/**', (route) => route.fulfill({ contentType: 'image/png', body: tile }))
    await page.goto(`${appUrl}/cruscotto`)
    await openMapFromDashboard(page)

    await page.locator('.leaflet-tile-loaded').first().waitFor()
    await expect(page.locator('path.leaflet-interactive').count()).resolves.toBe(3)
    await expect(page.getByText('Mappa non disponibile senza rete').count()).resolves.toBe(0)
    await page.locator('path.leaflet-interactive').last().hover()
    await expect(page.locator('.leaflet-tooltip').textContent()).resolves.toBe('Segnaletica — <b>Via Roma</b> — In ritardo')
    // The report 10 days old in red, the patrol and the check (no clock) in blue; the legend says so in words.
    const strokes = await page.locator('path.leaflet-interactive').evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke')))
    expect(strokes).toEqual(['#0066cc', '#0066cc', '#c62828'])
    await page.getByText('Segnalazione in ritardo (o risolta in ritardo)').waitFor()
    await expect(page.locator('.leaflet-tooltip b').count()).resolves.toBe(0)
    await expect(page.evaluate(() => window.mapCspViolations)).resolves.toEqual([])
    await expect(runAxe(page)).resolves.toEqual([])
  })

  it('says the map is unavailable when the tiles cannot be fetched, and keeps the list', async () => {
    const appUrl = inject('appUrl')
    opened = await managerPage(appUrl, { entries: located() })
    const { page } = opened
    await page.route('https://*.tile.openstreetmap.org/**', (route) => route.abort('internetdisconnected'))
    await page.goto(`${appUrl}/cruscotto`)
    await openMapFromDashboard(page)
    await page.getByText('Mappa non disponibile senza rete').waitFor()
    await expect(page.locator('tbody tr[data-entry]').count()).resolves.toBe(3)
  })
})
