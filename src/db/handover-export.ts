import type { HandoverContact } from '~/domain/handover'
import type { Mutation } from '~/domain/sync-protocol'
import type { PhotoRow, SulCampoDb } from './database'
import { toWireMutation } from './outbox-repo'
import { photoTaker } from './photos-repo'

export interface UnsentWork {
  /** Pending and rejected, in the order they were made (a rejected one is answered again, not lost). */
  mutations: Mutation[]
  /** Photos the user took (of their entries, or after-photos of reports assigned to them) not yet on the server (refused ones too: the office may judge them). */
  photos: PhotoRow[]
  /** Reporters' contacts taken with the user's reports and not yet sent (refused ones too). */
  contacts: HandoverContact[]
}

/** Everything of one user the server has not got yet, read in one transaction (a consistent copy). */
export async function unsentWorkOf(db: SulCampoDb, authorId: string): Promise<UnsentWork> {
  return db.transaction('r', [db.outbox, db.photos, db.entries, db.pendingContacts], async () => {
    const queued = await db.outbox.where('authorId').equals(authorId).sortBy('seq')
    const waiting = await db.photos.where('uploaded').equals(0).sortBy('createdAt')
    const entries = await db.entries.bulkGet([...new Set(waiting.map((p) => p.entryId))])
    const authors = new Map(entries.flatMap((e) => (e ? [[e.id, e.authorId] as const] : [])))
    const contacts = (await db.pendingContacts.toArray()).filter((row) => row.authorId === authorId)
    return {
      mutations: queued.map(toWireMutation),
      photos: waiting.filter((p) => photoTaker(p, authors.get(p.entryId)) === authorId),
      contacts: contacts.map(({ entryId, contact }) => ({ entryId, contact })),
    }
  })
}
