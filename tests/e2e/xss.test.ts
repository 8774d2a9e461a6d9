import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, type LaunchedBrowser } from '../support/browser'
import type { DemoProfile } from './field-log-helpers'
import { signInAs } from './field-log-helpers'
import { readAllRows } from './idb-helpers'
import { FIELD_FORMS, PAYLOADS, saveForm, savePatrol, WATCH_CSP } from './xss-forms'

/** One user who may fill every form and see every screen: the admin logs field, office and snow work too. */
const ADMIN = { userId: 'e2e-admin', displayName: 'Amministratore', role: 'admin', areaId: null } as unknown as DemoProfile

interface Screen {
  path: string
  /** Shown once the screen has rendered its data. */
  ready: string
  /**
   * Where the payloads must show as text: on this screen, somewhere in its group (an objective
   * page lists only the entries of its measured period), or nowhere (the sync queue lists
   * changes by kind and time only).
   */
  text: 'here' | 'group' | 'none'
  group?: string
  before?: (page: Page) => Promise<void>
}

/** Which payloads the page shows literally, as text or as an input's value. */
function payloadsShown(page: Page): Promise<string[]> {
  return page.evaluate((payloads) => {
    const values = [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value)
    const text = [document.body.innerText, ...values].join('\n')
    return payloads.filter((p) => text.includes(p))
  }, PAYLOADS)
}

const harm = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __cspViolations: string[] }
    return { xss: w.__xss, csp: w.__cspViolations }
  })

describe('XSS payloads in every free-text field', () => {
  let browser: LaunchedBrowser
  let page: Page
  const appUrl = inject('appUrl')
  beforeAll(async () => {
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } })
    await browser.context.addInitScript(WATCH_CSP)
    page = await browser.context.newPage()
    // Inside the plan's years (2023–2025), so the dashboard and the report count the entries.
    await page.clock.setFixedTime(new Date('2025-06-16T10:00:00+02:00'))
    await page.goto(`${appUrl}/impostazioni`)
    await signInAs(page, ADMIN)
  })
  afterAll(() => browser?.close())

  it('are stored and shown as text on every screen, never run, and trip no CSP rule', { timeout: 300_000 }, async () => {
    for (const payload of PAYLOADS) {
      await savePatrol(page, appUrl, ADMIN.userId, payload)
      for (const form of FIELD_FORMS) await saveForm(page, appUrl, form, payload)
    }
    // Snow plan: route names and descriptions (admin), the event name, and one intervention's vehicle per route.
    await page.goto(`${appUrl}/amministrazione`)
    await page.locator('#admin-area').selectOption('territorio')
    const routes = page.locator('section[aria-labelledby="routes-title"]')
    await routes.getByRole('button', { name: 'Aggiungi percorso' }).waitFor()
    const routesBefore = await routes.locator('th[scope="row"]').count()
    for (const [i, payload] of PAYLOADS.entries()) {
      await routes.getByLabel('Nome', { exact: true }).fill(payload)
      await routes.getByLabel('Descrizione', { exact: true }).fill(payload)
      await routes.getByRole('button', { name: 'Aggiungi percorso' }).click()
      await expect.poll(() => routes.locator('th[scope="row"]').count()).toBe(routesBefore + i + 1)
    }
    await page.goto(`${appUrl}/neve`)
    await page.getByLabel('Nome evento').fill(PAYLOADS.join(' '))
    await page.getByRole('button', { name: 'Dichiara evento neve' }).click()
    await page.getByTestId('snow-progress').waitFor()
    for (const payload of PAYLOADS) {
      await page.goto(`${appUrl}/campo`)
      await page.getByRole('link', { name: 'Registra intervento' }).first().click()
      await page.getByLabel('Mezzo').fill(payload)
      await page.getByLabel('Sale sparso (kg)').fill('50')
      await page.getByRole('button', { name: 'Salva' }).click()
      await page.waitForURL('**/campo')
    }

    // The manager's note on the printable monitoring report, one payload per objective.
    await page.goto(`${appUrl}/cruscotto/report?area=polizia_locale`)
    const notes = page.locator('form.note')
    await notes.first().waitFor()
    for (const [i, payload] of PAYLOADS.entries()) {
      const note = notes.nth(i)
      await note.getByRole('textbox', { name: 'Nota del responsabile' }).fill(payload)
      await note.getByRole('button', { name: 'Salva nota' }).click()
      await note.getByText('Nota salvata').waitFor()
    }

    const entries = await readAllRows<{ id: string; objectiveId: string; kind: string }>(page, 'entries')
    const formsPerPayload = 1 + FIELD_FORMS.length + 1
    expect(entries).toHaveLength(PAYLOADS.length * formsPerPayload)
    const screens: Screen[] = [
      { path: '/campo', ready: '[data-testid="recent-entry"]', text: 'here' },
      { path: '/sincronizzazione', ready: '[data-test="queued-change"]', text: 'none' },
      { path: '/neve', ready: '[data-testid="snow-progress"]', text: 'here' },
      { path: '/cruscotto', ready: 'h1', text: 'none' },
      { path: '/cruscotto/report?area=polizia_locale', ready: 'form.note', text: 'here' },
      { path: '/amministrazione', ready: 'section[aria-labelledby="review-title"]', text: 'here', before: (p) => p.locator('#admin-area').selectOption('territorio').then(() => undefined) },
      ...entries.map((e): Screen => ({ path: `/campo/voce/${e.id}`, ready: 'form', text: 'here' })),
      ...[...new Set(entries.map((e) => e.objectiveId))].map((id): Screen => ({ path: `/cruscotto/${id}`, ready: 'table', text: 'group', group: 'objective pages' })),
    ]

    const shownIn = new Map<string, Set<string>>()
    for (const screen of screens) {
      await page.goto(`${appUrl}${screen.path}`)
      await page.locator(screen.ready).first().waitFor()
      await screen.before?.(page)
      if (screen.text === 'here') await expect.poll(() => payloadsShown(page), { message: screen.path }).not.toEqual([])
      const group = screen.group ?? screen.path
      for (const payload of await payloadsShown(page)) shownIn.set(group, (shownIn.get(group) ?? new Set()).add(payload))
      await expect(harm(page), screen.path).resolves.toEqual({ xss: undefined, csp: [] })
    }
    const sorted = [...PAYLOADS].sort()
    for (const group of ['/campo', '/neve', '/cruscotto/report?area=polizia_locale', '/amministrazione', 'objective pages']) {
      expect([...(shownIn.get(group) ?? [])].sort(), group).toEqual(sorted)
    }
    const checks = PAYLOADS.length * screens.length
    console.info(`XSS: ${PAYLOADS.length} payloads × ${screens.length} screens = ${checks} checks; ${entries.length} entries, ${PAYLOADS.length} snow routes, 1 snow event, ${PAYLOADS.length} report notes; no script ran, no CSP violation`)
  })
})
