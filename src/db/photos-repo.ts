import type { PhotoRow, SulCampoDb } from './database'
import { entriesSettledOnServer } from './entry-queries'
import { writeChange, type LocalChange } from './local-writes'

/** Resized photos kept on the device until the sync round uploads them (uploaded: 0 until then). */

export async function photosOfEntry(db: SulCampoDb, entryId: string): Promise<PhotoRow[]> {
  return db.photos.where('entryId').equals(entryId).sortBy('createdAt')
}

export async function photoCountsByEntry(db: SulCampoDb, entryIds: string[]): Promise<Map<string, number>> {
  const rows = await db.photos.where('entryId').anyOf(entryIds).toArray()
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(row.entryId, (counts.get(row.entryId) ?? 0) + 1)
  return counts
}

/** A resized photo ready to store with its entry. */
export interface NewPhoto {
  blob: Blob
  width: number
  height: number
}

/** New photos of an entry as stored, waiting for upload; `takenBy` when the taker may not be the entry's author. */
export function newPhotoRows(entryId: string, photos: NewPhoto[], createdAt: string, takenBy?: string): PhotoRow[] {
  return photos.map((p) => ({
    id: crypto.randomUUID(), entryId, blob: p.blob, width: p.width, height: p.height, bytes: p.blob.size, uploaded: 0 as const, createdAt,
    ...(takenBy ? { takenBy } : {}),
  }))
}

/** The entry, its outbox mutation and its photos land together or not at all. */
export async function writeEntryWithPhotos<T extends { id: string; version: number }>(
  db: SulCampoDb,
  change: LocalChange<T>,
  photos: NewPhoto[],
): Promise<void> {
  await db.transaction('rw', [db.entries, db.outbox, db.photos], async () => {
    await writeChange(db, change)
    await db.photos.bulkAdd(newPhotoRows(change.row.id, photos, new Date().toISOString()))
  })
}

/** Whose photo it is to send (their sync round, their hand-over): who took it, or else the entry's author. */
export function photoTaker(photo: PhotoRow, entryAuthorId: string | undefined): string | undefined {
  return photo.takenBy ?? entryAuthorId
}

export type PhotoUploadState = 'pending' | 'uploaded' | 'refused'

export function uploadStateOf(photo: PhotoRow): PhotoUploadState {
  if (photo.uploaded === 1) return 'uploaded'
  return photo.uploadRefused === 1 ? 'refused' : 'pending'
}

/** What the entry view says of a photo: its upload, or that it came from the server (taken on another device). */
export function photoStateOf(photo: PhotoRow): PhotoUploadState | 'downloaded' {
  return photo.downloadedAt ? 'downloaded' : uploadStateOf(photo)
}

/**
 * The user's photos the sync round may upload now, oldest first: those they took (`takenBy`, or
 * else the entry's author), not uploaded nor refused, and their entry is on the server
 * (version > 0) with no change of it still queued: a photo never races its own entry to the server.
 */
export async function photosReadyToUpload(db: SulCampoDb, authorId: string, limit: number): Promise<PhotoRow[]> {
  const waiting = await db.photos.where('uploaded').equals(0).filter((p) => p.uploadRefused !== 1).sortBy('createdAt')
  if (waiting.length === 0) return []
  const ready = await entriesSettledOnServer(db, [...new Set(waiting.map((p) => p.entryId))])
  return waiting.filter((p) => ready.has(p.entryId) && photoTaker(p, ready.get(p.entryId)?.authorId) === authorId).slice(0, limit)
}

export async function markPhotoUploaded(db: SulCampoDb, id: string, at: string): Promise<void> {
  await db.photos.where('id').equals(id).modify((p) => {
    p.uploaded = 1
    p.uploadAttempts = (p.uploadAttempts ?? 0) + 1
    p.lastUploadAttemptAt = at
    p.uploadError = null
  })
}

/** A failed or refused upload: counted and explained; `refused` ones are not sent again. */
export async function recordPhotoAttempt(db: SulCampoDb, id: string, at: string, error: string, refused: boolean): Promise<void> {
  await db.photos.where('id').equals(id).modify((p) => {
    p.uploadAttempts = (p.uploadAttempts ?? 0) + 1
    p.lastUploadAttemptAt = at
    p.uploadError = error
    if (refused) p.uploadRefused = 1
  })
}
