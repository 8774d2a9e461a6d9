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
