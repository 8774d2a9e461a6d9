import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type SulCampoDb } from '~/db/database'
import { checkInstallMarker, INSTALL_ID_KEY, renewInstallMarker, type MarkerStorage } from '~/db/install-marker'

/** localStorage as the browser keeps it: apart from IndexedDB, surviving its deletion. */
function aLocalStorage(): MarkerStorage & { items: Map<string, string> } {
  const items = new Map<string, string>()
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) }
}

describe('install marker (is this the database this browser had?)', () => {
  let name: string
  let db: SulCampoDb
  let storage: ReturnType<typeof aLocalStorage>

  beforeEach(() => {
    name = `test-${crypto.randomUUID()}`
    db = openDatabase(name)
    storage = aLocalStorage()
  })
  afterEach(async () => {
    await db.delete()
  })

  /** The browser deletes the database under the app; the next start opens an empty one. */
  async function databaseCleared(): Promise<void> {
    await db.delete()
    db = openDatabase(name)
  }

  it('is intact on a first start and on every later start', async () => {
    await expect(checkInstallMarker(db, storage)).resolves.toBe('intact')
    expect(storage.items.get(INSTALL_ID_KEY)).toMatch(/^[0-9a-f-]{36}$/)
    await expect(checkInstallMarker(db, storage)).resolves.toBe('intact')
    await expect(checkInstallMarker(openDatabase(name), storage)).resolves.toBe('intact')
  })

  it('says lost when the database was cleared, on every start until the user has read it', async () => {
    await checkInstallMarker(db, storage)
    await databaseCleared()
    await expect(checkInstallMarker(db, storage)).resolves.toBe('lost')
    await expect(checkInstallMarker(db, storage)).resolves.toBe('lost')
    await renewInstallMarker(db, storage)
    await expect(checkInstallMarker(db, storage)).resolves.toBe('intact')
  })

  it('says lost when the database holds another installation’s id', async () => {
    await checkInstallMarker(db, storage)
    storage.setItem(INSTALL_ID_KEY, crypto.randomUUID())
    await expect(checkInstallMarker(db, storage)).resolves.toBe('lost')
  })

  it('keeps an intact database intact when only localStorage was cleared, and remembers it again', async () => {
    await checkInstallMarker(db, storage)
    const id = storage.items.get(INSTALL_ID_KEY)
    storage.items.clear()
    await expect(checkInstallMarker(db, storage)).resolves.toBe('intact')
    expect(storage.items.get(INSTALL_ID_KEY)).toBe(id)
  })

  it('gives two tabs starting at once the same id', async () => {
    const other = openDatabase(name)
    const [a, b] = await Promise.all([checkInstallMarker(db, storage), checkInstallMarker(other, storage)])
    expect([a, b]).toEqual(['intact', 'intact'])
    // Had each tab made its own id, the one left in localStorage would not match the database.
    await expect(checkInstallMarker(db, storage)).resolves.toBe('intact')
    other.close()
  })
})
