import type { Mutation } from '~/domain/sync-protocol'
import type { PhotoRow, SulCampoDb } from './database'
import { toWireMutation } from './outbox-repo'

export interface UnsentWork {
  /** Pending and rejected, in the order they were made (a rejected one is answered again, not lost). */
  mutations: Mutation[]
  /** Photos of the user's entries not yet on the server (refused ones too: the office may judge them). */
  photos: PhotoRow[]
}

/** Everything of one user the server has not got yet, read in one transaction (a consistent copy). */
export async function unsentWorkOf(db: SulCampoDb, authorId: string): Promise<UnsentWork> {
  return db.transaction('r', [db.outbox, db.photos, db.entries], async () => {
    const queued = await db.outbox.where('authorId').equals(authorId).sortBy('seq')
    const waiting = await db.photos.where('uploaded').equals(0).sortBy('createdAt')
    const entries = await db.entries.bulkGet([...new Set(waiting.map((p) => p.entryId))])
    const own = new Set(entries.filter((e) => e?.authorId === authorId).map((e) => e!.id))
    return { mutations: queued.map(toWireMutation), photos: waiting.filter((p) => own.has(p.entryId)) }
  })
}
