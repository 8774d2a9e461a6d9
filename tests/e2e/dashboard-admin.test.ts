import { readFile } from 'node:fs/promises'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { runAxe } from '../support/axe'
import { entries, managerPage, statusOf, type ManagerPage } from './dashboard-fixtures'

/** Each test opens its own browser profile, closed here even when the test fails. */
let opened: ManagerPage | undefined
afterEach(async () => {
  await opened?.close()
  opened = undefined
})

describe('plan administration', () => {
  it('lets the manager enter the 2022 patrol count and the evening-shift programme, which the dashboard then measures against', async () => {
    const appUrl = inject('appUrl')
    // The evening-shift objective is due by 31/12/2023, so it is measured over 2023.
    opened = await managerPage(appUrl, { entries: [...entries('pl-pattugliamento', 'patrol', 230), ...entries('pl-turni-serali', 'evening_shift', 3, '2023-01-10')] })
    const { page } = opened
    await page.goto(`${appUrl}/cruscotto`)
    await page.locator('tr[data-objective="pl-pattugliamento"]').waitFor()
    await expect(page.locator('tr[data-objective="pl-pattugliamento"]').textContent()).resolves.toContain('manca il valore di partenza')

    await page.goto(`${appUrl}/amministrazione`)
    const patrols = page.locator('form[data-objective="pl-pattugliamento"]')
    await patrols.getByLabel('Valore di partenza 2022').fill('400')
    await patrols.getByRole('button', { name: 'Salva' }).click()
    await patrols.getByText('Salvato').waitFor()
    const programme = page.locator('form.programme[data-objective="pl-turni-serali"]')
    await programme.getByLabel('Anno').selectOption('2023')
    await programme.getByLabel('gennaio').fill('2')
    await programme.getByLabel('febbraio').fill('2')
    await programme.getByRole('button', { name: 'Salva' }).click()
    await programme.getByText('Salvato').waitFor()
    await expect(runAxe(page)).resolves.toEqual([])

    await page.goto(`${appUrl}/cruscotto`)
    await page.locator('tr[data-objective="pl-pattugliamento"]').waitFor()
    await expect(statusOf(page, 'pl-pattugliamento')).resolves.toBe('on_track')
    await expect(page.locator('tr[data-objective="pl-pattugliamento"]').textContent()).resolves.toContain('440 pattuglie')
    // 3 shifts done of the 4 programmed in 2023, which is over: missed.
    await expect(page.locator('tr[data-objective="pl-turni-serali"]').textContent()).resolves.toContain('4 turni')
    await expect(statusOf(page, 'pl-turni-serali')).resolves.toBe('off_track')
  })

  it('locks an entry after review, and queues the change for the server', async () => {
    const appUrl = inject('appUrl')
    const [entry] = entries('pl-fascia-montana', 'territory_check', 1)
    opened = await managerPage(appUrl, { entries: [entry] })
    const { page } = opened
    await page.goto(`${appUrl}/amministrazione`)
    await page.locator(`tr[data-entry="${entry!.id}"]`).getByRole('button', { name: /^Blocca/ }).click()
    await page.getByText('Salvato').waitFor()
    await expect(page.locator(`tr[data-entry="${entry!.id}"]`).count()).resolves.toBe(0)
    const stored = await page.evaluate(async (id) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const r = indexedDB.open('sulcampo')
        r.onsuccess = () => resolve(r.result)
      })
      const read = <T>(store: string, op: (s: IDBObjectStore) => IDBRequest) =>
        new Promise<T>((resolve) => {
          const req = op(db.transaction(store).objectStore(store))
          req.onsuccess = () => resolve(req.result as T)
        })
      const row = await read<{ locked: boolean }>('entries', (s) => s.get(id))
      const outbox = await read<{ entityId: string; data: unknown }[]>('outbox', (s) => s.getAll())
      db.close()
      return { locked: row.locked, mutation: outbox.find((m) => m.entityId === id)?.data }
    }, entry!.id)
    expect(stored).toEqual({ locked: true, mutation: { locked: true } })
  })
})

describe('plan import', () => {
  it('imports nothing from a file with one bad objective and names it; imports a good file whole', async () => {
    const appUrl = inject('appUrl')
    opened = await managerPage(appUrl, {}, { userId: 'admin-1', displayName: 'Amministratore', role: 'admin', areaId: null })
    const { page } = opened
    await page.goto(`${appUrl}/amministrazione`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scarica il modello (JSON)' }).click()])
    const template = JSON.parse(await readFile((await download.path())!, 'utf8')) as { plan: { id: string }; objectives: { id: string; planId: string; indicator: { kind: string } }[] }
    template.plan.id = 'pisogne-2026-2028'
    for (const o of template.objectives) o.planId = 'pisogne-2026-2028'
    // The same ids as the plan on the device: refused, objective by objective.
    const input = page.getByLabel('File del piano')
    await input.setInputFiles({ name: 'piano.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(template)) })
    await page.getByRole('button', { name: 'Importa 29 obiettivi' }).click()
    await page.getByRole('alert').filter({ hasText: 'codice già usato dal piano pisogne-2023-2025' }).waitFor()
    for (const o of template.objectives) o.id = `${o.id}-2026`
    const bad = structuredClone(template)
    bad.objectives[3]!.indicator.kind = 'a occhio'

    await input.setInputFiles({ name: 'piano.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) })
    // The alert of the previous file is replaced once this one has been read.
    await page.getByRole('alert').filter({ hasText: 'indicator.kind' }).waitFor()
    await expect(page.getByRole('alert').textContent()).resolves.not.toContain('codice già usato')
    await expect(page.getByRole('button', { name: /^Importa/ }).count()).resolves.toBe(0)

    await input.setInputFiles({ name: 'piano.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(template)) })
    await page.getByRole('button', { name: 'Importa 29 obiettivi' }).click()
    await page.getByText('29 obiettivi importati.').waitFor()
  })
})
