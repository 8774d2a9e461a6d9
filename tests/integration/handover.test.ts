import { afterEach, describe, expect, it } from 'vitest'
import { unsentWorkOf } from '~/db/handover-export'
import { keepContact } from '~/db/pending-contacts-repo'
import { HANDOVER_FORMAT, HANDOVER_VERSION, sealHandover, type HandoverFile } from '~/domain/handover'
import { applyHandover, HandoverForbiddenError } from '~/sync/handover-apply'
import { logEntries, startDevice, type SyncDevice } from '../support/sync-device'
import { aPatrol, aReport } from '../support/sync-entries'
import { DEMO, signedInClient, withDatabase } from '../support/supabase-clients'

const devices: SyncDevice[] = []
afterEach(async () => {
  await Promise.all(devices.splice(0).map((d) => d.destroy()))
})

const serverCount = (ids: string[]) =>
  withDatabase(async (db) => Number((await db.query('select count(*) from public.entries where id = any($1::uuid[])', [ids])).rows[0].count))

/** The officer's tablet that cannot sync: 3 patrols queued, exported to a file as the page does. */
async function stuckTabletFile(): Promise<{ tablet: SyncDevice; ids: string[]; file: HandoverFile }> {
  const tablet = await startDevice(DEMO.officer)
  devices.push(tablet)
  const patrols = [1, 2, 3].map((n) => aPatrol(DEMO.officer.id, n, `Consegna ${crypto.randomUUID()}`))
  await logEntries(tablet, patrols)
  return { tablet, ids: patrols.map((p) => p.id), file: await handoverFileOf(tablet) }
}

/** The file the page exports from the tablet's unsent work. */
async function handoverFileOf(tablet: SyncDevice): Promise<HandoverFile> {
  const work = await unsentWorkOf(tablet.db, DEMO.officer.id)
  return sealHandover({
    format: HANDOVER_FORMAT,
    version: HANDOVER_VERSION,
    exportedAt: new Date().toISOString(),
    author: { userId: DEMO.officer.id, displayName: 'Agente' },
    mutations: work.mutations,
    photos: [],
    contacts: work.contacts,
  })
}

describe('hand-over of unsent work through the real stack', () => {
  it('an admin applies the file once however often it is imported, and the tablet syncing later changes nothing', async () => {
    const { tablet, ids, file } = await stuckTabletFile()
    const admin = await signedInClient(DEMO.admin)

    await expect(applyHandover(admin, file)).resolves.toMatchObject({ applied: 3, conflicts: 0, rejected: [] })
    await expect(serverCount(ids)).resolves.toBe(3)
    await expect(applyHandover(admin, file)).resolves.toMatchObject({ applied: 3, rejected: [] })
    await expect(serverCount(ids)).resolves.toBe(3)
    const authors = await withDatabase(async (db) => (await db.query('select distinct author_id from public.entries where id = any($1::uuid[])', [ids])).rows)
    expect(authors).toEqual([{ author_id: DEMO.officer.id }])

    // The tablet gets its network back: its queued ids were applied already, so they are answered, not stored again.
    await tablet.syncUntilEmpty(2)
    await expect(tablet.queued()).resolves.toBe(0)
    await expect(serverCount(ids)).resolves.toBe(3)
  })

  it('the same officer imports it on another device after the tablet did sync: nothing changes', async () => {
    const { tablet, ids, file } = await stuckTabletFile()
    await tablet.syncUntilEmpty(2)
    const sameOfficerElsewhere = await signedInClient(DEMO.officer)
    await expect(applyHandover(sameOfficerElsewhere, file)).resolves.toMatchObject({ applied: 3, rejected: [] })
    await expect(serverCount(ids)).resolves.toBe(3)
  })

  it('a colleague may not apply it: refused whole, nothing stored', async () => {
    const { ids, file } = await stuckTabletFile()
    const colleague = await signedInClient(DEMO.secondOfficer)
    await expect(applyHandover(colleague, file)).rejects.toBeInstanceOf(HandoverForbiddenError)
    await expect(serverCount(ids)).resolves.toBe(0)
  })

  it('carries a citizen’s contact taken offline with a report: stored once for the office, however often the file is imported', async () => {
    const tablet = await startDevice(DEMO.officer)
    devices.push(tablet)
    const report = aReport(DEMO.officer.id)
    await logEntries(tablet, [report])
    await keepContact(tablet.db, report, { name: 'Mario Rossi', phone: '030 981 2345', email: '', note: 'dopo le 17' }, new Date().toISOString())
    const file = await handoverFileOf(tablet)
    expect(file.contacts).toHaveLength(1)
    const admin = await signedInClient(DEMO.admin)
    await expect(applyHandover(admin, file)).resolves.toMatchObject({ applied: 1, contactsStored: 1, contactsRefused: 0 })
    await expect(applyHandover(admin, file)).resolves.toMatchObject({ applied: 1, contactsStored: 1 })
    const stored = await withDatabase(async (db) => (await db.query('select name, phone, note from public.report_contacts where entry_id = $1', [report.id])).rows)
    expect(stored).toEqual([{ name: 'Mario Rossi', phone: '030 981 2345', note: 'dopo le 17' }])
  })
})
