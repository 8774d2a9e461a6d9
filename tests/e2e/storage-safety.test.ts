import type { Page } from 'playwright-core'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { PISOGNE_OBJECTIVES, PISOGNE_PLAN_RECORD } from '~/domain/catalogue'
import { objectiveForKind } from '~/domain/objective-for-kind'
import { launchBrowser, type LaunchedBrowser } from '../support/browser'
import { openBareOriginPage, writeVersion1Database } from '../support/older-database'
import { countRows, OFFICER, openAppAs, signInAs } from './field-log-helpers'
import { databaseVersion, readAllRows, readMetaValue } from './idb-helpers'

/** Every IndexedDB put/add throws QuotaExceededError while `window.__storageFull` is true: a full disk. */
const SIMULATE_FULL_DISK = `(() => {
  for (const method of ['put', 'add']) {
    const original = IDBObjectStore.prototype[method]
    IDBObjectStore.prototype[method] = function (...args) {
      if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return original.apply(this, args)
    }
  }
})()`

async function fillReport(page: Page, description: string): Promise<void> {
  await page.getByLabel('Categoria').selectOption('signage')
  await page.getByLabel('Descrizione del problema').fill(description)
  await page.getByLabel('Luogo (via, civico, località)').fill('Piazza Corna Pellegrini')
}

describe('storage safety', () => {
  let browser: LaunchedBrowser | undefined
  afterEach(async () => {
    await browser?.close()
    browser = undefined
  })

  it('shows in settings whether the browser granted persistent storage after the first save', async () => {
    const opened = await openAppAs(OFFICER, '/campo/nuovo/maintenance_report')
    browser = opened.browser
    const { page } = opened
    await fillReport(page, 'Cartello piegato')
    await page.getByRole('button', { name: 'Salva' }).click()
    await page.waitForURL('**/campo')
    // The app asks once, after the first save; wait for the browser's answer to be recorded.
    await expect.poll(() => readMetaValue(page, 'storage-persistence')).not.toBeNull()
    await page.getByRole('link', { name: 'Impostazioni' }).click()
    const persisted = await page.evaluate(() => navigator.storage.persisted())
    await expect(page.locator('[data-test="persisted"]').textContent()).resolves.toContain(
      persisted ? 'Dati protetti dalla pulizia automatica del browser' : 'Il browser potrebbe cancellare i dati se manca spazio',
    )
    await page.getByText(`Ultima richiesta di protezione: ${persisted ? 'concessa' : 'negata'}`).waitFor()
    console.info(`storage persistence in headless Chromium after the first save: ${persisted ? 'granted' : 'not granted'}`)
  })

  it('keeps the form and what was saved when the device is full, then saves once space is back', async () => {
    browser = await launchBrowser()
    await browser.context.addInitScript(SIMULATE_FULL_DISK)
    const page = await browser.context.newPage()
    await page.goto(`${inject('appUrl')}/impostazioni`)
    await signInAs(page, OFFICER)
    await page.goto(`${inject('appUrl')}/campo/nuovo/maintenance_report`)
    await fillReport(page, 'Primo: panchina rotta')
    await page.getByRole('button', { name: 'Salva' }).click()
    await page.waitForURL('**/campo')

    await page.getByRole('link', { name: 'Segnala un problema' }).click()
    await fillReport(page, 'Secondo: lampione spento')
    await page.evaluate(() => ((window as unknown as { __storageFull: boolean }).__storageFull = true))
    await page.getByRole('button', { name: 'Salva' }).click()
    const failure = page.locator('[data-test="save-failure"]')
    await failure.waitFor()
    await expect(failure.textContent()).resolves.toMatch(/^Spazio esaurito sul dispositivo: /)
    expect(page.url()).toMatch(/\/campo\/nuovo\/maintenance_report$/)
    await expect(page.getByLabel('Descrizione del problema').inputValue()).resolves.toBe('Secondo: lampione spento')
    await expect(countRows(page, 'entries')).resolves.toBe(1)
    await expect(countRows(page, 'outbox')).resolves.toBe(1)

    await page.evaluate(() => ((window as unknown as { __storageFull: boolean }).__storageFull = false))
    await page.getByRole('button', { name: 'Salva' }).click()
    await page.waitForURL('**/campo')
    await expect(countRows(page, 'entries')).resolves.toBe(2)
    await expect(countRows(page, 'outbox')).resolves.toBe(2)
    const listed = await page.getByTestId('recent-entry').allTextContents()
    expect(listed).toHaveLength(2)
  })

  it('upgrades a version-1 database in place, keeping its 3 pending outbox rows', async () => {
    browser = await launchBrowser()
    const bare = await openBareOriginPage(browser.context, inject('appUrl'))
    const choice = objectiveForKind('checkpoint', PISOGNE_OBJECTIVES, [PISOGNE_PLAN_RECORD], new Date().toISOString())
    const checkpoints = [1, 2, 3].map((n) => ({ place: `Via Roma ${n}`, at: new Date(Date.UTC(2026, 10, 20 + n, 9)).toISOString(), vehiclesChecked: n }))
    const mutationIds = await writeVersion1Database(bare, { profile: OFFICER, objectiveId: choice.ok ? choice.objective.id : undefined, checkpoints })
    await expect(databaseVersion(bare)).resolves.toBe(10)
    await bare.close()

    const page = await browser.context.newPage()
    await page.goto(`${inject('appUrl')}/sincronizzazione`)
    const queued = page.locator('[data-test="queued-change"]')
    await expect.poll(() => queued.count()).toBe(3)
    // Dexie stores version n as IndexedDB version 10n: the app's newer schema really ran its upgrade.
    const upgradedTo = await databaseVersion(page)
    expect(upgradedTo).toBeGreaterThanOrEqual(20)
    const outbox = await readAllRows<{ id: string; state: string }>(page, 'outbox')
    const kept = outbox.filter((row) => row.state === 'pending').map((row) => row.id)
    expect(kept).toEqual(mutationIds)
    await expect(countRows(page, 'entries')).resolves.toBe(3)
    await expect(countRows(page, 'drafts')).resolves.toBe(0)
  })

  it('asks an open tab to reload when another tab upgrades the database, instead of blocking the upgrade', async () => {
    const opened = await openAppAs(OFFICER)
    browser = opened.browser
    const tabA = opened.page
    await tabA.getByRole('button', { name: 'Inizia pattuglia' }).waitFor()
    const current = await databaseVersion(tabA)
    expect(current).toBeGreaterThanOrEqual(20)

    // Tab B stands for a newer app version: it opens the database at a higher version. It is an
    // app page too (a bare page would be served the app by the service worker anyway), idle with
    // its own connection open, which must close as well.
    const tabB = await browser.context.newPage()
    await tabB.goto(`${inject('appUrl')}/campo`)
    await tabB.getByRole('button', { name: 'Inizia pattuglia' }).waitFor()
    const outcome = await tabB.evaluate(
      (version) =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('sulcampo', version)
          open.onblocked = () => resolve('blocked')
          open.onsuccess = () => {
            open.result.close()
            resolve('upgraded')
          }
          open.onerror = () => resolve(`error: ${open.error?.name}`)
        }),
      current + 10,
    )
    expect(outcome).toBe('upgraded')
    const prompt = tabA.locator('[data-test="update-prompt"]')
    await prompt.getByText('Nuova versione disponibile').waitFor()
    await expect(prompt.getByRole('button', { name: 'Aggiorna' }).isEnabled()).resolves.toBe(true)
    await expect(databaseVersion(tabA)).resolves.toBe(current + 10)
  })
  it('says plainly that the device’s data was deleted when the browser cleared the database, until the user has read it', async () => {
    const opened = await openAppAs(OFFICER, '/campo/nuovo/checkpoint')
    browser = opened.browser
    const { page } = opened
    await page.getByLabel('Luogo (via, civico, località)').fill('Via Roma')
    await page.getByRole('button', { name: 'Salva' }).click()
    await page.waitForURL('**/campo')
    const lost = page.locator('[data-test="storage-lost"]')
    await page.reload()
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await expect(lost.count()).resolves.toBe(0)

    // What eviction or a corrupted database does: IndexedDB emptied by the browser, localStorage kept.
    const cdp = await browser.context.newCDPSession(page)
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(inject('appUrl')).origin, storageTypes: 'indexeddb' })
    await page.reload()
    await lost.waitFor()
    await expect(lost.textContent()).resolves.toContain('I dati salvati su questo dispositivo sono stati cancellati.')
    await expect(lost.textContent()).resolves.toContain('avvisa l’ufficio')
    await page.reload()
    await lost.waitFor()

    await lost.getByRole('button', { name: 'Ho capito' }).click()
    // The banner goes once the acknowledgement is stored, a moment after the click: wait for it.
    await lost.waitFor({ state: 'detached' })
    await page.reload()
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await expect(lost.count()).resolves.toBe(0)
  })
})
