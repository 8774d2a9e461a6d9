import type { DraftRow, SulCampoDb } from './database'
import type { NewPhoto } from './photos-repo'

/** Unfinished forms, one row per form id (e.g. "patrol", "entry:<id>"). */

export async function loadDraft(db: SulCampoDb, id: string): Promise<DraftRow | undefined> {
  return db.drafts.get(id)
}

/** Stores a plain JSON copy: IndexedDB cannot clone the Vue proxies a form hands in. */
export async function saveDraft(db: SulCampoDb, id: string, data: Record<string, unknown>): Promise<void> {
  await db.drafts.put({ id, data: JSON.parse(JSON.stringify(data)) as Record<string, unknown>, updatedAt: new Date().toISOString() })
}

export async function clearDraft(db: SulCampoDb, id: string): Promise<void> {
  await db.drafts.bulkDelete([id, photosKey(id)])
}

const photosKey = (id: string) => `${id}:photos`

/** Photos of a draft are Blobs, stored as they are (IndexedDB clones Blobs; JSON could not). */
export async function saveDraftPhotos(db: SulCampoDb, id: string, photos: NewPhoto[]): Promise<void> {
  if (photos.length === 0) await db.drafts.delete(photosKey(id))
  else await db.drafts.put({ id: photosKey(id), data: { photos: photos.map((p) => ({ ...p })) }, updatedAt: new Date().toISOString() })
}

export async function loadDraftPhotos(db: SulCampoDb, id: string): Promise<NewPhoto[]> {
  const row = await db.drafts.get(photosKey(id))
  return (row?.data.photos as NewPhoto[] | undefined) ?? []
}
