import type { Entry } from '~/domain/entry'
import { bulkWrites, type PhotoRow, type ServerPhotoRow, type SulCampoDb } from './database'

/**
 * Photos the server holds for entries on this device, taken elsewhere (pulled as `entry_photo`,
 * docs/sync.md "Photos down"), and which of them the sync round fetches next.
 */

/** Photos of other entries are fetched for entries of the last this many days only. */
export const RECENT_DAYS = 30
/** Photos of entries not assigned to this user stop being fetched once downloads hold this much. */
export const DOWNLOAD_BUDGET_BYTES = 150 * 1024 * 1024

const DAY_MS = 24 * 60 * 60 * 1000

export interface DownloadCandidate {
  photo: ServerPhotoRow
  entry: Pick<Entry, 'occurredAt'>
  /** The entry is a report assigned to this user. */
  assignedToMe: boolean
}

/**
 * The order and the bound of the downloads: photos of reports assigned to this user first and
 * always (the crew works from them); then those of the newest entries, only of the last
 * RECENT_DAYS and while everything downloaded stays within DOWNLOAD_BUDGET_BYTES.
 */
export function chooseDownloads(candidates: DownloadCandidate[], downloadedBytes: number, now: Date, limit: number): ServerPhotoRow[] {
  const since = new Date(now.getTime() - RECENT_DAYS * DAY_MS).toISOString()
  const ranked = [...candidates].sort(
    (a, b) =>
      Number(b.assignedToMe) - Number(a.assignedToMe) ||
      b.entry.occurredAt.localeCompare(a.entry.occurredAt) ||
      a.photo.createdAt.localeCompare(b.photo.createdAt),
  )
  const chosen: ServerPhotoRow[] = []
  let held = downloadedBytes
  for (const { photo, entry, assignedToMe } of ranked) {
    if (chosen.length === limit) break
    if (!assignedToMe && (entry.occurredAt < since || held + photo.bytes > DOWNLOAD_BUDGET_BYTES)) continue
    chosen.push(photo)
    held += photo.bytes
  }
  return chosen
}

/** The server's photos of an entry that are not on this device yet. */
export async function serverPhotosNotHere(db: SulCampoDb, entryId: string): Promise<ServerPhotoRow[]> {
  const known = await db.serverPhotos.where('entryId').equals(entryId).toArray()
  const here = new Set(await db.photos.where('entryId').equals(entryId).primaryKeys())
  return known.filter((p) => !here.has(p.id))
}

/**
 * What the round fetches now. Metadata of photos already here (this device's own, pulled back,
 * or one downloaded before a re-pull) is dropped on the way, so it is never fetched.
 */
export async function photosToDownload(db: SulCampoDb, userId: string, now: Date, limit: number): Promise<ServerPhotoRow[]> {
  const known = await db.serverPhotos.toArray()
  if (known.length === 0) return []
  // All the photo keys in one read (an anyOf would cost a round trip per key).
  const here = new Set(await db.photos.toCollection().primaryKeys())
  const already = known.filter((p) => here.has(p.id)).map((p) => p.id)
  if (already.length > 0) await db.serverPhotos.bulkDelete(already)
  const missing = known.filter((p) => !here.has(p.id))
  const entryIds = [...new Set(missing.map((p) => p.entryId))]
  const [entries, orders, downloaded] = await Promise.all([
    db.entries.bulkGet(entryIds),
    db.workOrders.bulkGet(entryIds),
    db.photos.where('uploaded').equals(1).filter((p) => p.downloadedAt !== undefined).toArray(),
  ])
  const entryOf = new Map(entries.flatMap((e) => (e && !e.deleted ? [[e.id, e] as const] : [])))
  const mine = new Set(orders.flatMap((o) => (o && !o.deleted && o.assignees.includes(userId) ? [o.id] : [])))
  const candidates = missing.flatMap((photo) => {
    const entry = entryOf.get(photo.entryId)
    return entry ? [{ photo, entry, assignedToMe: mine.has(entry.id) }] : []
  })
  const downloadedBytes = downloaded.reduce((sum, p) => sum + p.bytes, 0)
  return chooseDownloads(candidates, downloadedBytes, now, limit)
}

/**
 * The fetched photo joins the device's own, as already on the server (uploaded: 1, so never sent
 * back), and its metadata row goes, in one transaction. Relaxed: if a power cut loses both, the
 * next round fetches it again.
 */
export async function storeDownloadedPhoto(appDb: SulCampoDb, photo: ServerPhotoRow, blob: Blob, at: string): Promise<void> {
  const db = bulkWrites(appDb)
  const row: PhotoRow = {
    id: photo.id,
    entryId: photo.entryId,
    blob,
    width: photo.width,
    height: photo.height,
    bytes: photo.bytes,
    uploaded: 1,
    createdAt: photo.createdAt,
    downloadedAt: at,
  }
  await db.transaction('rw', [db.photos, db.serverPhotos], async () => {
    await db.photos.put(row)
    await db.serverPhotos.delete(photo.id)
  })
}

/** A failed download: noted on its metadata and tried again next round. */
export async function recordDownloadAttempt(db: SulCampoDb, id: string, at: string, error: string): Promise<void> {
  await db.serverPhotos.where('id').equals(id).modify((p) => {
    p.downloadAttempts = (p.downloadAttempts ?? 0) + 1
    p.lastDownloadAttemptAt = at
    p.downloadError = error
  })
}

/** The server no longer shows the photo to this user: forget it rather than ask every round. */
export async function forgetServerPhoto(db: SulCampoDb, id: string): Promise<void> {
  await db.serverPhotos.delete(id)
}
