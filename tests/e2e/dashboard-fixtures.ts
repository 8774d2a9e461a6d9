import type { Page } from 'playwright-core'
import { launchBrowser } from '../support/browser'
import type { Entry, EntryKind } from '~/domain/entry'
import type { ObjectiveSetting } from '~/domain/plan-data'

/** 1 July 2024, 10:00 in Rome: half of the year gone (219.2 of 440 patrols expected). */
export const MID_2024 = '2024-07-01T10:00:00+02:00'

export const MANAGER_PL = { userId: 'manager-pl', displayName: 'Comandante', role: 'manager', areaId: 'polizia_locale' }

export const POLIZIA_LOCALE_IDS = ['pl-pattugliamento', 'pl-turni-serali', 'pl-regolamento-videosorveglianza', 'pl-fascia-montana']

export function entries(objectiveId: string, kind: EntryKind, count: number, from = '2024-01-02'): Entry[] {
  const payload = {}
  const start = Date.parse(`${from}T09:00:00Z`)
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(start + (i % 170) * 86_400_000).toISOString()
    return { id: crypto.randomUUID(), objectiveId, kind, payload, status: null, occurredAt: at, authorId: 'officer-1', createdAt: at, updatedAt: at, version: 1, locked: false, deleted: false }
  })
}

export function setting(id: string, overrides: Partial<ObjectiveSetting>): ObjectiveSetting {
  return { id, baselineValue: null, target: null, note: '', version: 1, updatedAt: '2024-01-10T08:00:00Z', deleted: false, ...overrides }
}

/**
 * Puts rows straight into the app's IndexedDB, as a sync would. The app must have opened
 * the database first (its schema is Dexie's); the page is reloaded by the caller.
 */
export async function seed(page: Page, rows: Record<string, unknown[]>): Promise<void> {
  await page.evaluate(async (tables) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sulcampo')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const tx = db.transaction(Object.keys(tables), 'readwrite')
    for (const [table, values] of Object.entries(tables)) for (const v of values) tx.objectStore(table).put(v)
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  }, rows)
}

export interface ManagerPage {
  page: Page
  close(): Promise<void>
}

/**
 * A fresh desktop browser (its own profile, so no test sees another's IndexedDB) with the app
 * opened as the Polizia Locale manager on 1 July 2024 and the given rows on the device.
 */
export async function managerPage(appUrl: string, rows: Record<string, unknown[]> = {}, profile: object = MANAGER_PL): Promise<ManagerPage> {
  const browser = await launchBrowser({ viewport: { width: 1280, height: 900 } })
  const page = await browser.context.newPage()
  await openAsManager(page, appUrl, { meta: [{ key: 'profile', value: profile }], ...rows })
  return { page, close: () => browser.close() }
}

async function openAsManager(page: Page, appUrl: string, rows: Record<string, unknown[]>): Promise<void> {
  await page.clock.setFixedTime(MID_2024)
  await page.goto(appUrl)
  await page.waitForFunction(() => new Promise((resolve) => {
    const r = indexedDB.open('sulcampo')
    r.onsuccess = () => { resolve(r.result.objectStoreNames.contains('meta')); r.result.close() }
    r.onerror = () => resolve(false)
  }))
  await seed(page, rows)
}

export async function statusOf(page: Page, objectiveId: string): Promise<string | null> {
  return page.locator(`tr[data-objective="${objectiveId}"] [data-status]`).getAttribute('data-status')
}
