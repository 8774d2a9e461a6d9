import type { SulCampoDb } from './database'

/**
 * One random id per installation, kept twice: in the database's `meta` and in localStorage, which
 * the browser keeps apart from IndexedDB (quota eviction, a corrupted database reset by the
 * browser, "delete database" in the developer tools all leave it). An id in localStorage that the
 * database no longer holds means the database was cleared under the app: what the device had
 * saved, unsent work included, is gone, and the user must be told rather than shown an empty outbox.
 */
export const INSTALL_ID_KEY = 'sulcampo.install-id'
const META_KEY = 'install-id'

export type MarkerStorage = Pick<Storage, 'getItem' | 'setItem'>

/**
 * `intact` also on a first start (both created) and when only localStorage was cleared (it is
 * written again). `lost`: the database is not the one this browser had; nothing is renewed until
 * the user has read it (renewInstallMarker).
 */
export type InstallCheck = 'intact' | 'lost'

export async function checkInstallMarker(db: SulCampoDb, storage: MarkerStorage): Promise<InstallCheck> {
  const remembered = storage.getItem(INSTALL_ID_KEY)
  // One transaction: two tabs starting at once agree on one id.
  const held = await db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(META_KEY)
    if (row) return row.value as string
    if (remembered !== null) return null
    const id = crypto.randomUUID()
    await db.meta.put({ key: META_KEY, value: id })
    return id
  })
  if (held === null || (remembered !== null && remembered !== held)) return 'lost'
  // The database first, then localStorage: a crash between the two is an intact install next time.
  if (remembered === null) storage.setItem(INSTALL_ID_KEY, held)
  return 'intact'
}

/** The user has read that the data was lost: this database becomes the installation's from now on. */
export async function renewInstallMarker(db: SulCampoDb, storage: MarkerStorage): Promise<void> {
  const id = crypto.randomUUID()
  await db.meta.put({ key: META_KEY, value: id })
  storage.setItem(INSTALL_ID_KEY, id)
}
