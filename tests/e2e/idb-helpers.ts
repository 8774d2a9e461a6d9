import type { Page } from 'playwright-core'

/** Every row of one table of the app's database, read straight from IndexedDB: what is really stored. */
export function readAllRows<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('sulcampo')
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll()
          request.onsuccess = () => {
            open.result.close()
            resolve(request.result as T[])
          }
          request.onerror = () => reject(request.error)
        }
        open.onerror = () => reject(open.error)
      }),
    table,
  )
}

/** The value of one `meta` key as stored, or null. */
export async function readMetaValue(page: Page, key: string): Promise<unknown> {
  const rows = await readAllRows<{ key: string; value: unknown }>(page, 'meta')
  return rows.find((row) => row.key === key)?.value ?? null
}

/** The IndexedDB version of the app's database (Dexie's version n is 10n), 0 when it does not exist. */
export function databaseVersion(page: Page): Promise<number> {
  return page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'sulcampo')?.version ?? 0)
}
