import type { Entry } from '~/domain/entry'
import { trimmedContact, type ReporterContact } from '~/domain/work-orders/reporter-contact'
import type { PendingContactRow, SulCampoDb } from './database'
import { entriesSettledOnServer } from './entry-queries'

/**
 * Reporters' contacts on their way to the server (issue 13 intake). One is written in the same
 * transaction as its new report, so a saved report never loses the contact taken with it; it is
 * sent once the server holds the report and no change of it is queued (save_report_contact
 * checks the report's author), and deleted from the device as soon as the server has it.
 */

/** Inside the caller's transaction, which must include `pendingContacts`. */
export async function keepContact(db: SulCampoDb, entry: Entry, contact: ReporterContact, at: string): Promise<void> {
  await db.pendingContacts.put({ entryId: entry.id, contact: trimmedContact(contact), authorId: entry.authorId, createdAt: at, attempts: 0, lastError: null, refused: 0 })
}

export async function pendingContactOf(db: SulCampoDb, entryId: string): Promise<PendingContactRow | undefined> {
  return db.pendingContacts.get(entryId)
}

/** The author's contacts the round may send now: not refused, and their report on the server with nothing queued. */
export async function contactsReadyToSend(db: SulCampoDb, authorId: string): Promise<PendingContactRow[]> {
  const waiting = (await db.pendingContacts.toArray()).filter((row) => row.authorId === authorId && row.refused === 0)
  if (waiting.length === 0) return []
  const ready = await entriesSettledOnServer(db, waiting.map((row) => row.entryId))
  return waiting.filter((row) => ready.has(row.entryId))
}

/** The server holds it: the device forgets it. */
export async function forgetContact(db: SulCampoDb, entryId: string): Promise<void> {
  await db.pendingContacts.delete(entryId)
}

export async function recordContactAttempt(db: SulCampoDb, entryId: string, error: string, refused: boolean): Promise<void> {
  await db.pendingContacts.where('entryId').equals(entryId).modify((row) => {
    row.attempts++
    row.lastError = error
    if (refused) row.refused = 1
  })
}
