/**
 * Who reported a maintenance report on a citizen's behalf, and how to reach them (issue 13
 * "Intake"). Personal data: it never goes in the entry, so no pull, export or public output
 * carries it; the device keeps it only until the server holds it (report_contacts, readable by
 * staff and managers of the area). Limits are the server's (20261203400003_report_contacts.sql).
 */
export interface ReporterContact {
  name: string
  phone: string
  email: string
  note: string
}

export const CONTACT_FIELDS = ['name', 'phone', 'email', 'note'] as const satisfies readonly (keyof ReporterContact)[]

const LIMITS: Record<keyof ReporterContact, number> = { name: 200, phone: 200, email: 200, note: 2000 }

export const emptyContact = (): ReporterContact => ({ name: '', phone: '', email: '', note: '' })

export function trimmedContact(contact: ReporterContact): ReporterContact {
  return { name: contact.name.trim(), phone: contact.phone.trim(), email: contact.email.trim(), note: contact.note.trim() }
}

/** Nothing typed: an anonymous call is a valid report, with no contact to keep. */
export function isEmptyContact(contact: ReporterContact): boolean {
  return CONTACT_FIELDS.every((field) => contact[field].trim() === '')
}

/** Why a contact field is refused: the same words as the server where it has them (contact_required). */
export type ContactCode = 'too_long' | 'invalid_email' | 'contact_required'
export type ContactProblems = Partial<Record<keyof ReporterContact, ContactCode>>

/** A deliberately loose check: one @ with text around it; the office reads it, no mail is sent. */
const looksLikeEmail = (text: string) => /^[^\s@]+@[^\s@]+$/.test(text)

/**
 * Why a contact cannot be kept, by field (empty: it can). A note alone says nothing of how to
 * reach the reporter, as the server's `contact_required` says.
 */
export function contactProblems(contact: ReporterContact): ContactProblems {
  const trimmed = trimmedContact(contact)
  const problems: ContactProblems = {}
  for (const field of CONTACT_FIELDS) if (trimmed[field].length > LIMITS[field]) problems[field] = 'too_long'
  if (trimmed.email && !problems.email && !looksLikeEmail(trimmed.email)) problems.email = 'invalid_email'
  if (!isEmptyContact(trimmed) && !trimmed.name && !trimmed.phone && !trimmed.email) problems.name = 'contact_required'
  return problems
}
