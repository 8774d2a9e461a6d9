import { describe, expect, it } from 'vitest'
import { writeChange } from '~/db/local-writes'
import { keepContact } from '~/db/pending-contacts-repo'
import type { Entry } from '~/domain/entry'
import type { Mutation, MutationResult, PullPage } from '~/domain/sync-protocol'
import { emptyContact, type ReporterContact } from '~/domain/work-orders/reporter-contact'
import { createSyncEngine } from '~/sync/engine'
import { SyncError } from '~/sync/sync-error'
import { createSyncLock } from '~/sync/sync-lock'
import type { SyncTransport } from '~/sync/transport'
import { anEntry, useDeviceAndServer } from './factories'
import { FakeSyncServer, keyOf } from './fake-server'

const STAFF = 'staff-1'
const CONTACT: ReporterContact = { ...emptyContact(), name: 'Mario Rossi', phone: '030 981 2345' }

/** save_report_contact's promises in front of the fake sync server: the report first, replaced on a retry. */
class FakeContactServer implements SyncTransport {
  readonly contacts = new Map<string, ReporterContact>()
  failNext: SyncError | null = null

  constructor(readonly sync: FakeSyncServer) {}

  push(mutations: Mutation[]): Promise<MutationResult[]> {
    return this.sync.push(mutations)
  }

  pull(cursor: string | null, limit: number): Promise<PullPage> {
    return this.sync.pull(cursor, limit)
  }

  async saveReportContact(entryId: string, contact: ReporterContact): Promise<void> {
    const failure = this.failNext
    this.failNext = null
    if (failure) throw failure
    if (!this.sync.rows.has(keyOf('entry', entryId))) throw new SyncError('rejected_batch', 'forbidden', 400)
    this.contacts.set(entryId, contact)
  }
}

describe('a reporter’s contact after its report syncs', () => {
  const f = useDeviceAndServer()
  const setUp = () => {
    const server = new FakeContactServer(f.server)
    const engine = createSyncEngine({ db: f.db, transport: server, auth: { currentUserId: async () => STAFF, refreshSession: async () => 'refreshed' }, lock: createSyncLock(null) })
    return { server, engine }
  }
  async function reportWithContact(): Promise<Entry> {
    const entry = anEntry({ authorId: STAFF, kind: 'maintenance_report' })
    await f.db.transaction('rw', [f.db.entries, f.db.outbox, f.db.pendingContacts], async () => {
      await writeChange(f.db, { entity: 'entry', op: 'insert', row: entry, data: { ...entry }, authorId: STAFF })
      await keepContact(f.db, entry, CONTACT, '2026-12-04T10:00:00.000Z')
    })
    return entry
  }

  it('reaches the server in the round that pushes its report, and then leaves the device', async () => {
    const { server, engine } = setUp()
    const entry = await reportWithContact()
    expect(await engine.syncNow()).toMatchObject({ kind: 'synced', push: { applied: 1 }, contacts: { sent: 1, refused: 0, failed: 0 } })
    expect(server.contacts.get(entry.id)).toEqual(CONTACT)
    expect(await f.db.pendingContacts.count()).toBe(0)
  })

  it('stays on the device through a failed round and goes the next one', async () => {
    const { server, engine } = setUp()
    const entry = await reportWithContact()
    server.failNext = new SyncError('offline')
    expect(await engine.syncNow()).toMatchObject({ kind: 'synced', contacts: { sent: 0, failed: 1 } })
    expect(await f.db.pendingContacts.get(entry.id)).toMatchObject({ attempts: 1, lastError: 'offline', refused: 0 })
    expect(await engine.syncNow()).toMatchObject({ contacts: { sent: 1 } })
    expect(server.contacts.get(entry.id)).toEqual(CONTACT)
  })

  it('keeps a refused contact and shows why, without sending it again', async () => {
    const { server, engine } = setUp()
    const entry = await reportWithContact()
    server.failNext = new SyncError('rejected_batch', 'contact_required', 400)
    await engine.syncNow()
    expect(await f.db.pendingContacts.get(entry.id)).toMatchObject({ lastError: 'contact_required', refused: 1 })
    expect(await engine.syncNow()).toMatchObject({ contacts: { sent: 0, refused: 0, failed: 0 } })
    expect(server.contacts.size).toBe(0)
  })
})
