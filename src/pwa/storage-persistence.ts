import { appDatabase } from '~/db/app-database'
import { META_KEYS, readMeta, writeMeta } from '~/db/meta-repo'
import type { SulCampoDb } from '~/db/database'

/** What the browser answered when asked to keep our data under storage pressure. */
export interface PersistenceRecord {
  granted: boolean
  askedAt: string
}

export interface StorageStatus {
  /** null: the browser cannot tell (no StorageManager). */
  persisted: boolean | null
  usageBytes: number | null
  quotaBytes: number | null
  lastAnswer: PersistenceRecord | null
}

let pending: Promise<boolean | null> | undefined

/**
 * Asks for persistent storage once per app start, after the user's first save (browsers grant it
 * more readily after engagement, and asking earlier would be a prompt with no context). A feature
 * calls this after every successful save; only the first call of a page's life asks.
 */
export function requestPersistenceOnce(db: SulCampoDb = appDatabase()): Promise<boolean | null> {
  pending ??= askForPersistence(db)
  return pending
}

async function askForPersistence(db: SulCampoDb): Promise<boolean | null> {
  const storage = globalThis.navigator?.storage
  if (!storage?.persist) return null
  if (await storage.persisted()) return true
  const granted = await storage.persist()
  await writeMeta<PersistenceRecord>(db, META_KEYS.storagePersistence, { granted, askedAt: new Date().toISOString() })
  return granted
}

export async function readStorageStatus(db: SulCampoDb = appDatabase()): Promise<StorageStatus> {
  const storage = globalThis.navigator?.storage
  const [persisted, estimate, lastAnswer] = await Promise.all([
    storage?.persisted ? storage.persisted() : null,
    storage?.estimate ? storage.estimate() : null,
    readMeta<PersistenceRecord>(db, META_KEYS.storagePersistence),
  ])
  return {
    persisted,
    usageBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null,
    lastAnswer: lastAnswer ?? null,
  }
}
