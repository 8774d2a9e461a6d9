import { readFile, writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entriesAt, pendingText, queryServer, startSyncedApp, waitUntilAllSent, type SyncedApp } from '../support/synced-app'
import { countRows } from './field-log-helpers'
import { forgetRecorded, isSyncWrite, recordedTransactions, recordTransactions } from './idb-durability'

const OFFICER_ID = '5c000000-0000-4000-8000-000000000001'

describe('sync in Chromium against a real local stack', () => {
  let synced: SyncedApp
  let signedIn: SyncedApp['signedIn']

  beforeAll(async () => {
    synced = await startSyncedApp()
    signedIn = synced.signedIn
  })

  afterAll(async () => {
    await synced?.close()
  })

  it('3 checkpoints logged offline survive a reload as pending, sync once online, and reach the area manager', async () => {
    const place = `Controllo e2e ${Date.now()}`
    const { browser, page } = await signedIn('agente@sulcampo.test')
    await browser.context.setOffline(true)
    for (let n = 1; n <= 3; n++) {
      await page.goto(`${synced.app.url}/campo/nuovo/checkpoint`)
      await page.getByLabel('Luogo (via, civico, località)').fill(`${place} #${n}`)
      await page.getByRole('button', { name: 'Salva' }).click()
      await page.waitForURL('**/campo')
    }

    await page.reload()
    const waiting = page.getByTestId('recent-entry').filter({ hasText: 'Da inviare' })
    await waiting.first().waitFor()
    await expect(waiting.count()).resolves.toBe(3)
    await expect(entriesAt(page, place)).resolves.toBe(3)
    await expect(pendingText(page)).resolves.toBe('3 registrazioni da inviare')

    await browser.context.setOffline(false)
    await waitUntilAllSent(page)
    await expect(countRows(page, 'outbox')).resolves.toBe(0)
    // The home's badges are read when it opens (they do not follow a background sync yet).
    await page.reload()
    await page.getByTestId('recent-entry').first().waitFor()
    await expect(waiting.count()).resolves.toBe(0)
    await expect(entriesAt(page, place)).resolves.toBe(3)
    const [onServer] = await queryServer<{ count: string }>(synced.stack, `select count(*) from public.entries where author_id = $1 and payload ->> 'place' like $2`, [OFFICER_ID, `${place}%`])
    expect(Number(onServer!.count)).toBe(3)

    const manager = await signedIn('comandante@sulcampo.test')
    await expect.poll(() => entriesAt(manager.page, place), { timeout: 30_000 }).toBe(3)
  })

  it('writes every save to disk before saying it is saved (strict), and pulled pages relaxed', async () => {
    const { browser, page } = await signedIn('agente@sulcampo.test')
    await recordTransactions(browser.context)
    // A start with nothing queued: the sync engine's writes are pull pages only.
    await page.reload()
    await expect.poll(async () => (await recordedTransactions(page)).filter(isSyncWrite).length, { timeout: 30_000 }).toBeGreaterThan(0)
    const pulled = (await recordedTransactions(page)).filter(isSyncWrite)
    expect(pulled.map((tx) => tx.durability)).toEqual(pulled.map(() => 'relaxed'))

    await forgetRecorded(page)
    await page.locator('a[href="/campo/nuovo/checkpoint"]').click()
    await page.getByLabel('Luogo (via, civico, località)').fill(`Durevole ${Date.now()}`)
    await expect.poll(async () => (await recordedTransactions(page)).some((tx) => tx.stores.includes('drafts'))).toBe(true)
    await page.getByRole('button', { name: 'Salva' }).click()
    await page.waitForURL('**/campo')
    await waitUntilAllSent(page)
    await expect.poll(async () => (await recordedTransactions(page)).some((tx) => isSyncWrite(tx) && tx.durability === 'relaxed'), { timeout: 30_000 }).toBe(true)

    const written = await recordedTransactions(page)
    expect(written.find((tx) => tx.stores.includes('entries') && tx.stores.includes('outbox') && !isSyncWrite(tx))).toMatchObject({ durability: 'strict' })
    expect(written.find((tx) => tx.stores.includes('drafts'))).toMatchObject({ durability: 'strict' })
    // The one push answer (it removes the sent mutation) is strict too; only pulled pages are relaxed.
    expect(written.filter((tx) => isSyncWrite(tx) && tx.durability === 'strict')).toHaveLength(1)
    expect(written.filter((tx) => !isSyncWrite(tx) && tx.durability !== 'strict')).toEqual([])
  })
  it('hands an offline officer\'s unsent work to an admin through a file, applied once however often it is imported', async () => {
    const place = `Consegna e2e ${Date.now()}`
    const serverCount = async () =>
      Number((await queryServer<{ count: string }>(synced.stack, `select count(*) from public.entries where payload ->> 'place' = $1`, [place]))[0]!.count)
    const officer = await signedIn('agente@sulcampo.test')
    await officer.browser.context.setOffline(true)
    await officer.page.goto(`${synced.app.url}/campo/nuovo/checkpoint`)
    await officer.page.getByLabel('Luogo (via, civico, località)').fill(place)
    await officer.page.getByRole('button', { name: 'Salva' }).click()
    await officer.page.waitForURL('**/campo')
    await officer.page.goto(`${synced.app.url}/sincronizzazione`)
    const [download] = await Promise.all([officer.page.waitForEvent('download'), officer.page.getByRole('button', { name: 'Esporta il lavoro non inviato' }).click()])
    const file = (await download.path())!
    expect(download.suggestedFilename()).toMatch(/^sulcampo-non-inviato-.+\.json$/)

    const admin = await signedIn('admin@sulcampo.test')
    await admin.page.goto(`${synced.app.url}/sincronizzazione`)
    const picker = admin.page.getByLabel('Importa un file di lavoro non inviato')
    const outcome = admin.page.locator('[data-test="handover-outcome"]')
    for (let time = 1; time <= 2; time++) {
      await picker.setInputFiles(file)
      await expect.poll(() => outcome.textContent()).toContain('File applicato. Modifiche sul server: 1; superate: 0; rifiutate: 0.')
      await expect(serverCount()).resolves.toBe(1)
    }

    const tampered = `${file}.modificato.json`
    await writeFile(tampered, (await readFile(file, 'utf8')).replace(place, `${place} (modificato)`))
    await picker.setInputFiles(tampered)
    await expect.poll(() => admin.page.locator('[data-test="handover-problem"]').textContent()).toContain('Il file è stato modificato dopo l’esportazione')

    await officer.browser.context.setOffline(false)
    await officer.page.goto(`${synced.app.url}/campo`)
    await waitUntilAllSent(officer.page)
    await expect(serverCount()).resolves.toBe(1)
  })
})
