import type { PhotoRow, SulCampoDb } from './database'
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

/** The entry, its outbox mutation and its photos land together or not at all. */
export async function writeEntryWithPhotos<T extends { id: string; version: number }>(
  db: SulCampoDb,
  change: LocalChange<T>,
  photos: NewPhoto[],
): Promise<void> {
  await db.transaction('rw', [db.entries, db.outbox, db.photos], async () => {
    await writeChange(db, change)
    const createdAt = new Date().toISOString()
    await db.photos.bulkAdd(
      photos.map((p) => ({ id: crypto.randomUUID(), entryId: change.row.id, blob: p.blob, width: p.width, height: p.height, bytes: p.blob.size, uploaded: 0 as const, createdAt })),
    )
  })
}
