// @vitest-environment node
// Node, not jsdom: fake-indexeddb keeps a Blob only with node's structuredClone (jsdom's Blob is lost).
import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type ServerPhotoRow } from '~/db/database'
import { writeEntryWithPhotos } from '~/db/photos-repo'
import { chooseDownloads, DOWNLOAD_BUDGET_BYTES, RECENT_DAYS, serverPhotosNotHere } from '~/db/server-photos-repo'
import type { Entry } from '~/domain/entry'
import { untriagedRecord } from '~/domain/work-orders/record'
import { createSyncEngine } from '~/sync/engine'
import { base64ToBytes, PHOTO_DOWNLOADS_PER_ROUND } from '~/sync/photo-download'
import { bytesToBase64 } from '~/sync/photo-upload'
import { SyncError } from '~/sync/sync-error'
import { createSyncLock } from '~/sync/sync-lock'
import type { SyncTransport } from '~/sync/transport'
import { anEntry, useDeviceAndServer } from './factories'

const WORKER = 'worker-1'
const NOW = new Date('2026-12-01T10:00:00.000Z')
const jpeg = (size: number, fill: number) => {
  const bytes = new Uint8Array(size).fill(fill)
  bytes.set([0xff, 0xd8, 0xff])
  return bytes
}

/** The fake sync server with photo_data in front: photos another device uploaded, and the calls for them. */
function useDeviceAndPhotos() {
  const f = useDeviceAndServer()
  const stored = new Map<string, Uint8Array>()
  const calls: string[] = []
  let failNext: SyncError | null = null
  beforeEach(() => {
    stored.clear()
    calls.length = 0
    failNext = null
  })
  const transport = (): SyncTransport =>
    f.server.with({
      async downloadPhoto(photoId) {
        calls.push(photoId)
        const failure = failNext
        failNext = null
        if (failure) throw failure
        const bytes = stored.get(photoId)
        return bytes ? bytesToBase64(bytes) : null
      },
    })
  const engine = (db = f.db) =>
    createSyncEngine({ db, transport: transport(), auth: { currentUserId: async () => WORKER, refreshSession: async () => 'refreshed' }, lock: createSyncLock(null), now: () => NOW })

  /** An entry someone else logged, on the server, with photos of these sizes. */
  function entryWithPhotos(sizes: number[], overrides: Partial<Entry> = {}): { entry: Entry; photoIds: string[] } {
    const entry = anEntry({ authorId: 'officer-1', kind: 'maintenance_report', status: 'open', occurredAt: '2026-11-30T08:00:00.000Z', ...overrides })
    f.server.serverWrite('entry', { ...entry })
    const photoIds = sizes.map((size, i) => {
      const id = crypto.randomUUID()
      stored.set(id, jpeg(size, i + 1))
      f.server.serverWrite('entry_photo', { id, entryId: entry.id, width: 1600, height: 1200, bytes: size, createdAt: `2026-11-30T08:0${i}:00.000Z` })
      return id
    })
    return { entry, photoIds }
  }

  return {
    get db() {
      return f.db
    },
    get server() {
      return f.server
    },
    stored,
    calls,
    failNextDownload(error: SyncError) {
      failNext = error
    },
    engine,
    entryWithPhotos,
  }
}

describe('photos taken on another device', () => {
  const f = useDeviceAndPhotos()

  it('are downloaded once after the pull, byte for byte, as already on the server', async () => {
    const { entry, photoIds } = f.entryWithPhotos([4000])
    expect(await f.engine().syncNow()).toMatchObject({ kind: 'synced', downloads: { downloaded: 1, failed: 0 }, photos: { uploaded: 0 } })
    const [photo] = await f.db.photos.where('entryId').equals(entry.id).toArray()
    expect(photo).toMatchObject({ id: photoIds[0], width: 1600, height: 1200, bytes: 4000, uploaded: 1, downloadedAt: NOW.toISOString() })
    expect(new Uint8Array(await photo!.blob.arrayBuffer())).toEqual(f.stored.get(photoIds[0]!))
    expect(await serverPhotosNotHere(f.db, entry.id)).toEqual([])

    expect(await f.engine().syncNow()).toMatchObject({ downloads: { downloaded: 0 }, photos: { uploaded: 0 } })
    // A reload: a new connection to the same database knows it holds the photo.
    const reopened = openDatabase(f.db.name)
    try {
      expect(await f.engine(reopened).syncNow()).toMatchObject({ downloads: { downloaded: 0 } })
    } finally {
      reopened.close()
    }
    expect(f.calls).toEqual(photoIds)
  })

  it('are known before they are downloaded, and a failed download is tried again next round without failing it', async () => {
    const { entry, photoIds } = f.entryWithPhotos([100, 200])
    f.failNextDownload(new SyncError('offline'))
    expect(await f.engine().syncNow()).toMatchObject({ kind: 'synced', pull: { stored: 3 }, downloads: { downloaded: 0, failed: 1 } })
    expect(f.calls, 'offline: the second photo is not tried in vain').toHaveLength(1)
    expect((await serverPhotosNotHere(f.db, entry.id)).map((p) => p.id).sort()).toEqual([...photoIds].sort())
    expect(await f.db.serverPhotos.get(photoIds[0]!)).toMatchObject({ downloadAttempts: 1, downloadError: 'offline' })

    expect(await f.engine().syncNow()).toMatchObject({ downloads: { downloaded: 2, failed: 0 } })
    expect(await serverPhotosNotHere(f.db, entry.id)).toEqual([])
  })

  it('refuses an answer of another size than the photo, and keeps asking', async () => {
    const { photoIds } = f.entryWithPhotos([100])
    f.stored.set(photoIds[0]!, jpeg(99, 1))
    expect(await f.engine().syncNow()).toMatchObject({ kind: 'synced', downloads: { downloaded: 0, failed: 1 } })
    expect(await f.db.photos.count()).toBe(0)
    expect(await f.db.serverPhotos.get(photoIds[0]!)).toMatchObject({ downloadError: 'protocol' })
  })

  it('forgets a photo the server no longer shows to this user', async () => {
    const { photoIds } = f.entryWithPhotos([100])
    f.stored.delete(photoIds[0]!)
    expect(await f.engine().syncNow()).toMatchObject({ downloads: { downloaded: 0, failed: 0 } })
    expect(await f.db.serverPhotos.count()).toBe(0)
    await f.engine().syncNow()
    expect(f.calls).toHaveLength(1)
  })

  it(`fetches at most ${PHOTO_DOWNLOADS_PER_ROUND} a round, those of reports assigned to this user first`, async () => {
    const recent = f.entryWithPhotos(Array.from({ length: PHOTO_DOWNLOADS_PER_ROUND }, () => 50), { occurredAt: '2026-11-30T09:00:00.000Z' })
    const assigned = f.entryWithPhotos([50, 50], { occurredAt: '2026-11-20T08:00:00.000Z' })
    f.server.serverWrite('work_order', { ...untriagedRecord(assigned.entry.id, '2026-11-21T08:00:00.000Z'), assignees: [WORKER] })
    expect(await f.engine().syncNow()).toMatchObject({ downloads: { downloaded: PHOTO_DOWNLOADS_PER_ROUND } })
    expect(f.calls.slice(0, 2)).toEqual(assigned.photoIds)
    expect(await f.engine().syncNow()).toMatchObject({ downloads: { downloaded: 2 } })
    expect(f.calls.slice(2).sort()).toEqual([...recent.photoIds].sort())
  })

  it('never downloads the photos this device took, when their metadata comes back in the pull', async () => {
    const entry = anEntry({ authorId: WORKER })
    await writeEntryWithPhotos(f.db, { entity: 'entry', op: 'insert', row: entry, data: { ...entry }, authorId: WORKER }, [
      { blob: new Blob([jpeg(100, 9)], { type: 'image/jpeg' }), width: 10, height: 10 },
    ])
    const [own] = await f.db.photos.toArray()
    f.server.serverWrite('entry_photo', { id: own!.id, entryId: entry.id, width: 10, height: 10, bytes: 100, createdAt: own!.createdAt })
    expect(await f.engine().syncNow()).toMatchObject({ downloads: { downloaded: 0 } })
    expect(f.calls).toEqual([])
    expect(await f.db.serverPhotos.count(), 'its metadata is dropped').toBe(0)
    expect((await f.db.photos.get(own!.id))?.downloadedAt, 'and the photo stays the one it took').toBeUndefined()
  })

  it('leaves out photos of old entries not assigned to this user', async () => {
    f.entryWithPhotos([100], { occurredAt: '2026-10-01T08:00:00.000Z' })
    expect(await f.engine().syncNow()).toMatchObject({ downloads: { downloaded: 0 } })
    expect(await f.db.serverPhotos.count(), 'it stays known as on the server').toBe(1)
  })
})

describe('chooseDownloads', () => {
  const photo = (bytes: number, id: string = crypto.randomUUID()): ServerPhotoRow => ({ id, entryId: 'e', width: 1, height: 1, bytes, createdAt: '2026-11-30T08:00:00.000Z', version: 1 })
  const daysAgo = (days: number) => ({ occurredAt: new Date(NOW.getTime() - days * 86_400_000).toISOString() })

  it(`keeps within ${DOWNLOAD_BUDGET_BYTES / 1024 / 1024} MB of downloads, except for reports assigned to this user`, () => {
    const half = DOWNLOAD_BUDGET_BYTES / 2
    const candidates = [
      { photo: photo(half, 'other-1'), entry: daysAgo(1), assignedToMe: false },
      { photo: photo(half, 'other-2'), entry: daysAgo(2), assignedToMe: false },
      { photo: photo(half, 'mine'), entry: daysAgo(3), assignedToMe: true },
    ]
    expect(chooseDownloads(candidates, 0, NOW, 10).map((p) => p.id)).toEqual(['mine', 'other-1'])
    expect(chooseDownloads(candidates, DOWNLOAD_BUDGET_BYTES, NOW, 10).map((p) => p.id)).toEqual(['mine'])
  })

  it(`takes entries of the last ${RECENT_DAYS} days, newest first`, () => {
    const chosen = chooseDownloads(
      [
        { photo: photo(1, 'older'), entry: daysAgo(RECENT_DAYS - 1), assignedToMe: false },
        { photo: photo(1, 'too-old'), entry: daysAgo(RECENT_DAYS + 1), assignedToMe: false },
        { photo: photo(1, 'newest'), entry: daysAgo(0), assignedToMe: false },
      ],
      0,
      NOW,
      10,
    )
    expect(chosen.map((p) => p.id)).toEqual(['newest', 'older'])
  })
})

describe('base64ToBytes', () => {
  it('decodes what bytesToBase64 encodes', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) % 256)
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes)
  })
})
