import type { SulCampoDb } from './database'

/** Device-level facts kept in the `meta` table: the demo profile, catalogue versions, storage persistence. */
export const META_KEYS = {
  profile: 'profile',
  storagePersistence: 'storage-persistence',
  catalogueVersion: (planId: string) => `catalogue:${planId}`,
} as const

export async function readMeta<T>(db: SulCampoDb, key: string): Promise<T | undefined> {
  const row = await db.meta.get(key)
  return row?.value as T | undefined
}

/** Stores a plain JSON copy: IndexedDB cannot clone the Vue proxies a store may hand in. */
export async function writeMeta<T>(db: SulCampoDb, key: string, value: T): Promise<void> {
  await db.meta.put({ key, value: JSON.parse(JSON.stringify(value)) as T })
}
