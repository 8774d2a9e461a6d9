import type { BrowserContext, Page } from 'playwright-core'

/** One read-write IndexedDB transaction the page opened: its stores and the durability Chromium gave it. */
export interface RecordedTransaction {
  stores: string[]
  durability: string
}

/**
 * Wraps `IDBDatabase.prototype.transaction` in every page of the context before the app loads, and
 * records each read-write transaction with the durability the browser reports for it (not the
 * options asked for: what the commit will really do).
 */
export async function recordTransactions(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const log: { stores: string[]; durability: string }[] = []
    ;(window as unknown as { idbTransactions: typeof log }).idbTransactions = log
    const original = IDBDatabase.prototype.transaction
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const tx = original.apply(this, args)
      if (tx.mode === 'readwrite') log.push({ stores: [...tx.objectStoreNames].sort(), durability: tx.durability })
      return tx
    }
  })
}

export function recordedTransactions(page: Page): Promise<RecordedTransaction[]> {
  return page.evaluate(() => (window as unknown as { idbTransactions: RecordedTransaction[] }).idbTransactions)
}

export function forgetRecorded(page: Page): Promise<void> {
  return page.evaluate(() => {
    ;(window as unknown as { idbTransactions: RecordedTransaction[] }).idbTransactions.length = 0
  })
}

/**
 * A transaction of the sync engine: `meta` (the cursor) with every synced table — a pull page, or
 * a push's answers. A save never spans them all.
 */
export const isSyncWrite = (tx: RecordedTransaction) => tx.stores.includes('meta') && tx.stores.includes('snowRoutes') && tx.stores.includes('entries')
