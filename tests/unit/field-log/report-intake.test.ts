import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { appDatabase } from '~/db/app-database'
import { contactsReadyToSend } from '~/db/pending-contacts-repo'
import { PISOGNE_OBJECTIVES, PISOGNE_PLAN_RECORD } from '~/domain/catalogue'
import { emptyContact } from '~/domain/work-orders/reporter-contact'
import { useFieldLogStore } from '~/features/field-log/field-log-store'
import { useProfileStore } from '~/features/profile/profile-store'

const report = (channel: string) => ({
  category: 'signage',
  description: 'Cartello di stop piegato',
  place: 'Via Roma 12',
  location: null,
  reportedAt: new Date().toISOString(),
  resolvedAt: null,
  channel,
})

describe('a report taken on a citizen’s behalf', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    const db = appDatabase()
    await Promise.all(db.tables.map((table) => table.clear()))
    await db.plans.put({ ...PISOGNE_PLAN_RECORD, version: 1 })
    await db.objectives.bulkPut(PISOGNE_OBJECTIVES)
    useProfileStore().setProfile({ userId: 'staff-1', displayName: 'URP Giulia', role: 'staff', areaId: 'territorio' })
  })

  it('keeps the channel in the report and the contact apart from it, in the same save', async () => {
    const contact = { ...emptyContact(), name: ' Mario Rossi ', phone: '030 981 2345' }
    const saved = await useFieldLogStore().create('maintenance_report', null, report('phone'), { contact })
    if (!saved.ok) throw new Error(JSON.stringify(saved))
    const db = appDatabase()
    const stored = await db.entries.get(saved.entry.id)
    expect(stored?.payload).toMatchObject({ channel: 'phone' })
    expect(JSON.stringify(stored)).not.toContain('Rossi')
    expect(JSON.stringify(await db.outbox.toArray())).not.toContain('Rossi')
    expect(await db.pendingContacts.get(saved.entry.id)).toMatchObject({ contact: { name: 'Mario Rossi', phone: '030 981 2345', email: '', note: '' }, authorId: 'staff-1' })
    // Not sent before the server holds the report.
    expect(await contactsReadyToSend(db, 'staff-1')).toEqual([])
  })

  it('refuses a contact it cannot keep with the reason, and saves nothing', async () => {
    const saved = await useFieldLogStore().create('maintenance_report', null, report('email_pec'), { contact: { ...emptyContact(), email: 'mario.rossi.it' } })
    expect(saved).toMatchObject({ ok: false, contactProblems: { email: 'invalid_email' } })
    const db = appDatabase()
    expect([await db.entries.count(), await db.outbox.count(), await db.pendingContacts.count()]).toEqual([0, 0, 0])
  })

  it('keeps no contact for an anonymous call', async () => {
    const saved = await useFieldLogStore().create('maintenance_report', null, report('phone'), { contact: emptyContact() })
    expect(saved.ok).toBe(true)
    expect(await appDatabase().pendingContacts.count()).toBe(0)
  })

  it('refuses a channel it does not know', async () => {
    const saved = await useFieldLogStore().create('maintenance_report', null, report('fax'))
    expect(saved).toMatchObject({ ok: false, errors: { channel: 'invalid_choice' } })
  })
})
