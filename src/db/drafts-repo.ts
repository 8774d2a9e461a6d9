import type { DraftRow, SulCampoDb } from './database'

/** Unfinished forms, one row per form id (e.g. "patrol", "entry:<id>"). */

export async function loadDraft(db: SulCampoDb, id: string): Promise<DraftRow | undefined> {
  return db.drafts.get(id)
}

/** Stores a plain JSON copy: IndexedDB cannot clone the Vue proxies a form hands in. */
export async function saveDraft(db: SulCampoDb, id: string, data: Record<string, unknown>): Promise<void> {
  await db.drafts.put({ id, data: JSON.parse(JSON.stringify(data)) as Record<string, unknown>, updatedAt: new Date().toISOString() })
}

export async function clearDraft(db: SulCampoDb, id: string): Promise<void> {
  await db.drafts.delete(id)
}
