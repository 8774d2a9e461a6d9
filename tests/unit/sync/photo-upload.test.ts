// @vitest-environment node
// Node, not jsdom: fake-indexeddb keeps a Blob only with node's structuredClone (jsdom's Blob is lost).
import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { uploadStateOf, writeEntryWithPhotos } from '~/db/photos-repo'
import type { Entry } from '~/domain/entry'
import type { Mutation, MutationResult, PullPage, RejectCode } from '~/domain/sync-protocol'
import { createSyncEngine } from '~/sync/engine'
import { bytesToBase64, PHOTOS_PER_ROUND, type PhotoUpload, type PhotoUploadResult } from '~/sync/photo-upload'
import { SyncError } from '~/sync/sync-error'
import { createSyncLock } from '~/sync/sync-lock'
import type { SyncTransport } from '~/sync/transport'
import { anEntry, useDeviceAndServer } from './factories'
import { FakeSyncServer, keyOf } from './fake-server'

/** upload_photo's promises in front of the fake sync server: entry first, each photo id stored once. */
class FakePhotoServer implements SyncTransport {
  readonly photos = new Map<string, PhotoUpload>()
  readonly uploadCalls: string[] = []
  failNextUpload: { when: 'before' | 'after'; error: SyncError } | null = null
  refuseWith: RejectCode | null = null

  constructor(readonly sync: FakeSyncServer) {}

  push(mutations: Mutation[]): Promise<MutationResult[]> {
    return this.sync.push(mutations)
  }

  pull(cursor: string | null, limit: number): Promise<PullPage> {
    return this.sync.pull(cursor, limit)
  }

  async uploadPhoto(photo: PhotoUpload): Promise<PhotoUploadResult> {
    this.uploadCalls.push(photo.id)
    const failure = this.failNextUpload
    this.failNextUpload = null
    if (failure?.when === 'before') throw failure.error
    const result = this.store(photo)
    if (failure?.when === 'after') throw failure.error
    return result
  }

  private store(photo: PhotoUpload): PhotoUploadResult {
    if (this.refuseWith) return { id: photo.id, status: 'rejected', code: this.refuseWith, message: 'refused' }
    if (!this.sync.rows.has(keyOf('entry', photo.entryId))) return { id: photo.id, status: 'rejected', code: 'not_found', message: 'no entry' }
    if (!this.photos.has(photo.id)) this.photos.set(photo.id, photo)
    return { id: photo.id, status: 'applied', bytes: photo.bytes }
  }
}

const OFFICER = 'officer-1'
const jpeg = (size: number, fill = 7) => {
  const bytes = new Uint8Array(size).fill(fill)
  bytes.set([0xff, 0xd8, 0xff])
  return bytes
}

/** A device database, the fake server with photos, an engine per signed-in user, reports with photos. */
function useDevice() {
  const f = useDeviceAndServer()
  let server = new FakePhotoServer(new FakeSyncServer())
  beforeEach(() => {
    server = new FakePhotoServer(f.server)
  })
  const engine = (userId = OFFICER) =>
    createSyncEngine({ db: f.db, transport: server, auth: { currentUserId: async () => userId, refreshSession: async () => 'refreshed' }, lock: createSyncLock(null) })
  /** A report saved offline with its photos, as the field-log store does. */
  async function reportWithPhotos(sizes: number[], overrides: Partial<Entry> = {}): Promise<Entry> {
    const entry = anEntry({ authorId: OFFICER, kind: 'maintenance_report', ...overrides })
    const authorId = entry.authorId
    const photos = sizes.map((size) => ({ blob: new Blob([jpeg(size)], { type: 'image/jpeg' }), width: 1600, height: 1200 }))
    await writeEntryWithPhotos(f.db, { entity: 'entry', op: 'insert', row: entry, data: { ...entry }, authorId }, photos)
    return entry
  }
  return {
    get db() {
      return f.db
    },
    get server() {
      return server
    },
    engine,
    reportWithPhotos,
  }
}

describe('photo upload after the entry syncs', () => {
  const f = useDevice()

  it('uploads a saved photo in the same round that pushes its entry, byte for byte', async () => {
    const entry = await f.reportWithPhotos([4000])
    const outcome = await f.engine().syncNow()
    expect(outcome).toMatchObject({ kind: 'synced', push: { applied: 1 }, photos: { uploaded: 1, rejected: 0, failed: 0 } })
    const [local] = await f.db.photos.where('entryId').equals(entry.id).toArray()
    expect(uploadStateOf(local!)).toBe('uploaded')
    expect(f.server.photos.get(local!.id)).toMatchObject({ entryId: entry.id, mime: 'image/jpeg', bytes: 4000, data: bytesToBase64(jpeg(4000)) })
  })

  it('never sends a photo before its entry reached the server', async () => {
    await f.reportWithPhotos([100])
    f.server.sync.failNextPush = { when: 'before', error: new SyncError('offline') }
    expect((await f.engine().syncNow()).kind).toBe('failed')
    expect(f.server.uploadCalls).toEqual([])
    f.server.sync.rejectWhen = () => 'invalid_payload'
    await f.engine().syncNow()
    expect(f.server.uploadCalls, 'a rejected entry keeps its photo on the device').toEqual([])
  })

  it('retries a photo whose answer was lost under the same id, without a second copy or a second entry', async () => {
    const entry = await f.reportWithPhotos([2000])
    f.server.failNextUpload = { when: 'after', error: new SyncError('timeout') }
    const first = await f.engine().syncNow()
    expect(first, 'the entry syncs although its photo failed').toMatchObject({ kind: 'synced', photos: { uploaded: 0, failed: 1 } })
    const [waiting] = await f.db.photos.toArray()
    expect(waiting).toMatchObject({ uploaded: 0, uploadAttempts: 1, uploadError: 'timeout' })
    expect(await f.db.outbox.count()).toBe(0)

    expect(await f.engine().syncNow()).toMatchObject({ kind: 'synced', photos: { uploaded: 1 } })
    expect(f.server.uploadCalls).toEqual([waiting!.id, waiting!.id])
    expect(f.server.photos.size).toBe(1)
    expect(f.server.sync.countRows('entry')).toBe(1)
    expect(f.server.sync.pushCalls.flat().filter((m) => m.entityId === entry.id)).toHaveLength(1)
  })

  it('stops at the first network failure instead of trying every photo, and sends them all later', async () => {
    await f.reportWithPhotos([100, 200, 300])
    f.server.failNextUpload = { when: 'before', error: new SyncError('offline') }
    expect(await f.engine().syncNow()).toMatchObject({ kind: 'synced', photos: { uploaded: 0, failed: 1 } })
    expect(f.server.uploadCalls).toHaveLength(1)
    expect(await f.engine().syncNow()).toMatchObject({ photos: { uploaded: 3 } })
  })

  it('waits for the entry when the server does not hold it yet, and tries again next round', async () => {
    const entry = await f.reportWithPhotos([100])
    await f.engine().syncNow()
    f.server.sync.rows.delete(keyOf('entry', entry.id))
    f.server.photos.clear()
    await f.db.photos.toCollection().modify({ uploaded: 0 })
    expect(await f.engine().syncNow()).toMatchObject({ photos: { rejected: 1 } })
    const [photo] = await f.db.photos.toArray()
    expect(uploadStateOf(photo!)).toBe('pending')
    expect(photo!.uploadError).toBe('not_found')
    f.server.sync.serverWrite('entry', { ...entry })
    expect(await f.engine().syncNow()).toMatchObject({ photos: { uploaded: 1 } })
  })

  it('keeps a photo the server refuses and shows it as refused, without sending it again', async () => {
    await f.reportWithPhotos([100])
    f.server.refuseWith = 'field_too_large'
    expect(await f.engine().syncNow()).toMatchObject({ photos: { rejected: 1 } })
    await f.engine().syncNow()
    expect(f.server.uploadCalls).toHaveLength(1)
    const [photo] = await f.db.photos.toArray()
    expect(uploadStateOf(photo!)).toBe('refused')
    expect(photo!.uploadError).toBe('field_too_large')
  })

  it("on a shared tablet uploads only the signed-in user's photos", async () => {
    // A colleague's report already on the server, its photo still waiting (they signed out first).
    const theirs = await f.reportWithPhotos([100], { authorId: 'officer-2', version: 1 })
    await f.db.outbox.clear()
    f.server.sync.serverWrite('entry', { ...theirs })
    const mine = await f.reportWithPhotos([100])
    await f.engine().syncNow()
    const sent = await f.db.photos.bulkGet(f.server.uploadCalls)
    expect(sent.map((p) => p?.entryId)).toEqual([mine.id])
  })

  it(`sends at most ${PHOTOS_PER_ROUND} photos a round so a backlog never holds the pull for long`, async () => {
    await f.reportWithPhotos(Array.from({ length: PHOTOS_PER_ROUND + 2 }, () => 50))
    expect(await f.engine().syncNow()).toMatchObject({ photos: { uploaded: PHOTOS_PER_ROUND } })
    expect(await f.engine().syncNow()).toMatchObject({ photos: { uploaded: 2 } })
  })
})

describe('bytesToBase64', () => {
  it('encodes photos larger than one chunk exactly as the server decodes them', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) % 256)
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
  })
})
