import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveApp, type AppServer } from '../../supabase/local/serve-app'
import { launchBrowser, type LaunchedBrowser } from '../support/browser'
import { BUILD_LABEL_META, deployInto, labelledBuild, removeBuilds } from '../support/build-variants'
import { countRows, OFFICER, signInAs } from './field-log-helpers'
import { readMetaValue } from './idb-helpers'

const dist = fileURLToPath(new URL('../../dist', import.meta.url))

const buildLabel = (page: Page) =>
  page.evaluate((name) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null, BUILD_LABEL_META)

const storedPatrol = (page: Page) => readMetaValue(page, 'field-log:running-patrol')

describe('deploying a new version while an officer is mid-work', () => {
  let buildA: string
  let buildB: string
  let served: string
  let app: AppServer
  let browser: LaunchedBrowser
  beforeAll(async () => {
    ;[buildA, buildB, served] = await Promise.all([labelledBuild(dist, 'A'), labelledBuild(dist, 'B'), labelledBuild(dist, 'served')])
    await deployInto(served, buildA)
    app = await serveApp({ dir: served })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await removeBuilds(buildA, buildB, served)
  })

  it('waits for the half-filled report, then updates without losing it, the patrol or the outbox', async () => {
    const page = await browser.context.newPage()
    await page.goto(`${app.url}/impostazioni`)
    await signInAs(page, OFFICER)
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await page.goto(`${app.url}/campo`)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    expect(await buildLabel(page)).toBe('A')

    await page.getByRole('button', { name: 'Inizia pattuglia' }).click()
    await page.getByTestId('patrol-elapsed').waitFor()
    const patrolBefore = await storedPatrol(page)
    expect(patrolBefore).toMatchObject({ authorId: OFFICER.userId, endedAt: null })

    await page.goto(`${app.url}/campo`)
    await page.getByRole('link', { name: 'Segnala un problema' }).click()
    await page.getByLabel('Categoria').selectOption('road_surface')
    await page.getByLabel('Descrizione del problema').fill('Buca profonda')
    await expect.poll(() => countRows(page, 'drafts')).toBe(1)

    await deployInto(served, buildB)
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      await registration?.update()
    })
    const prompt = page.locator('[data-test="update-prompt"]')
    await prompt.getByText('Nuova versione disponibile').waitFor()
    const updateButton = prompt.getByRole('button', { name: 'Aggiorna' })
    // The form is dirty: no reload may take the typing away.
    await expect(updateButton.isDisabled()).resolves.toBe(true)
    await expect(prompt.textContent()).resolves.toContain('Salva o annulla il modulo aperto prima di aggiornare')
    expect(await buildLabel(page)).toBe('A')

    await page.getByLabel('Descrizione del problema').fill('Buca profonda davanti alla scuola')
    await page.getByLabel('Luogo (via, civico, località)').fill('Via Roma 12')
    await page.getByRole('button', { name: 'Salva' }).click()
    await page.waitForURL('**/campo')
    await expect(updateButton.isEnabled()).resolves.toBe(true)
    await expect(prompt.textContent()).resolves.not.toContain('Salva o annulla')

    const reloaded = page.waitForEvent('load')
    await updateButton.click()
    await reloaded
    await page.getByRole('heading', { level: 1 }).waitFor()
    // B's index.html comes from B's precache: B's worker is the one in control now.
    expect(await buildLabel(page)).toBe('B')
    await expect(page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).resolves.toBeNull()
    await expect(prompt.count()).resolves.toBe(0)

    await expect(countRows(page, 'entries')).resolves.toBe(1)
    await expect(countRows(page, 'outbox')).resolves.toBe(1)
    await expect(countRows(page, 'drafts')).resolves.toBe(0)
    await expect(storedPatrol(page)).resolves.toEqual(patrolBefore)
    await expect(page.getByRole('link', { name: /Pattuglia in corso/ }).isVisible()).resolves.toBe(true)
    const saved = page.getByTestId('recent-entry')
    await expect(saved.count()).resolves.toBe(1)
    await expect(saved.first().textContent()).resolves.toContain('Segnalazione')
    await expect(saved.first().textContent()).resolves.toContain('Da inviare')
  })
})
