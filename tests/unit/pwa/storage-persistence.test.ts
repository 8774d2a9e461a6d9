import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openDatabase, type SulCampoDb } from '~/db/database'

function stubStorage(persisted: boolean, grants: boolean) {
  const storage = {
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => grants),
    estimate: vi.fn(async () => ({ usage: 2_500_000, quota: 1_000_000_000 })),
  }
  vi.stubGlobal('navigator', { ...navigator, storage })
  return storage
}

describe('storage persistence', () => {
  let db: SulCampoDb
  beforeEach(() => {
    vi.resetModules()
    db = openDatabase(`test-${crypto.randomUUID()}`)
  })
  afterEach(async () => {
    vi.unstubAllGlobals()
    await db.delete()
  })

  it('asks the browser once per app start and records the answer for the settings screen', async () => {
    const storage = stubStorage(false, true)
    const { readStorageStatus, requestPersistenceOnce } = await import('~/pwa/storage-persistence')
    await expect(requestPersistenceOnce(db)).resolves.toBe(true)
    await requestPersistenceOnce(db)
    expect(storage.persist).toHaveBeenCalledOnce()
    const status = await readStorageStatus(db)
    expect(status).toMatchObject({ persisted: false, usageBytes: 2_500_000, quotaBytes: 1_000_000_000 })
    expect(status.lastAnswer?.granted).toBe(true)
  })

  it('does not ask again when the storage is already persistent', async () => {
    const storage = stubStorage(true, true)
    const { requestPersistenceOnce } = await import('~/pwa/storage-persistence')
    await expect(requestPersistenceOnce(db)).resolves.toBe(true)
    expect(storage.persist).not.toHaveBeenCalled()
  })
})
