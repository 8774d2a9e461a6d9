import type { SulCampoDb } from '~/db/database'
import { contactsReadyToSend, forgetContact, recordContactAttempt } from '~/db/pending-contacts-repo'
import { FAILS_NEXT_CALL_TOO, toSyncError } from './sync-error'
import type { SyncTransport } from './transport'

/**
 * Reporters' contacts travel after their report, like photos: save_report_contact
 * (supabase/migrations/20261203400003_report_contacts.sql) replaces the report's contact, so a
 * retry after a lost answer stores the same thing again. A refusal (a 4xx: not the author, a
 * contact the server will never take) is kept and shown, not retried; anything else is retried
 * next round and never fails it.
 */
export interface ContactUploadSummary {
  sent: number
  refused: number
  failed: number
}

export async function sendPendingContacts(db: SulCampoDb, transport: SyncTransport, authorId: string): Promise<ContactUploadSummary> {
  const summary: ContactUploadSummary = { sent: 0, refused: 0, failed: 0 }
  if (!transport.saveReportContact) return summary
  for (const row of await contactsReadyToSend(db, authorId)) {
    try {
      await transport.saveReportContact(row.entryId, row.contact)
      await forgetContact(db, row.entryId)
      summary.sent++
    } catch (thrown) {
      const error = toSyncError(thrown)
      const refused = error.code === 'rejected_batch'
      // The server's words for a refusal (its reject code), else the kind of failure.
      await recordContactAttempt(db, row.entryId, refused ? error.message : error.code, refused)
      if (refused) summary.refused++
      else summary.failed++
      if (FAILS_NEXT_CALL_TOO.has(error.code)) break
    }
  }
  return summary
}
