import * as v from 'valibot'
import type { ReporterContact } from '~/domain/work-orders/reporter-contact'
import { callServerRpc, readRpcAnswer } from './server-rpc'

const ContactSchema = v.nullable(v.object({ name: v.string(), phone: v.string(), email: v.string(), note: v.string() }))

/**
 * The reporter's contact of a report, as the server keeps it (report_contact): null when none was
 * taken or the caller may not read it (only staff and managers of the area, and admins, may).
 * Never stored on the device: it is asked for each time it is shown.
 */
export async function fetchReportContact(entryId: string): Promise<ReporterContact | null> {
  return readRpcAnswer(ContactSchema, 'report_contact', await callServerRpc('report_contact', { entry_id: entryId }))
}
