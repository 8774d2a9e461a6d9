import { describe, expect, it } from 'vitest'
import { contactProblems, emptyContact, isEmptyContact, trimmedContact } from '~/domain/work-orders/reporter-contact'

const contact = (fields: Partial<ReturnType<typeof emptyContact>>) => ({ ...emptyContact(), ...fields })

describe('a reporter’s contact taken at intake', () => {
  it('may be left empty: an anonymous call is still a report', () => {
    expect(isEmptyContact(contact({ name: '  ' }))).toBe(true)
    expect(contactProblems(contact({}))).toEqual({})
  })

  it('needs a way to reach the reporter once anything is written, as the server does', () => {
    expect(contactProblems(contact({ note: 'richiamare dopo le 17' }))).toEqual({ name: 'contact_required' })
    expect(contactProblems(contact({ phone: '030 981 2345', note: 'richiamare dopo le 17' }))).toEqual({})
  })

  it('refuses an e-mail without an @ and text beyond the server’s limits', () => {
    expect(contactProblems(contact({ email: 'mario.rossi.it' }))).toEqual({ email: 'invalid_email' })
    expect(contactProblems(contact({ name: 'x'.repeat(201), note: 'y'.repeat(2001), email: 'a@b.it' }))).toEqual({ name: 'too_long', note: 'too_long' })
  })

  it('keeps what was typed without the surrounding spaces', () => {
    expect(trimmedContact(contact({ name: ' Mario Rossi ', email: ' m@r.it' }))).toEqual(contact({ name: 'Mario Rossi', email: 'm@r.it' }))
  })
})
