import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { openDatabase, type SulCampoDb } from '~/db/database'
import { nextPendingBatch } from '~/db/outbox-repo'
import { recordsAssignedTo } from '~/db/work-orders-repo'
import { PISOGNE_OBJECTIVES } from '~/domain/catalogue'
import { planInForce } from '~/domain/plan'
import { untriagedRecord } from '~/domain/work-orders/record'
import { anEntry } from './factories'

/** The outbox as schema version 3 left it on devices, before the push index of version 4. */
function versionThree(name: string): Dexie {
  const old = new Dexie(name)
  old.version(1).stores({ objectives: 'id, areaId, planId', entries: 'id, objectiveId, kind, authorId, occurredAt, status, [objectiveId+occurredAt]', outbox: '++seq, &id, entityId, authorId, state', meta: 'key' })
  old.version(2).stores({ snowRoutes: 'id, priority', snowEvents: 'id, startedAt', programmes: 'id, objectiveId, [objectiveId+month]', objectiveSettings: 'id', drafts: 'id', photos: 'id, entryId, uploaded' })
  old.version(3).stores({ objectiveStats: '[objectiveId+month+kind], objectiveId' })
  return old
}

/** Schema version 4: the devices in use before plans became server data (issue 12). */
function versionFour(name: string): Dexie {
  const old = versionThree(name)
  old.version(4).stores({ outbox: '++seq, &id, entityId, authorId, state, [authorId+state+seq]', entries: 'id, kind, authorId, status, [objectiveId+occurredAt]' })
  return old
}

/** Schema version 5: the devices in use before work orders (issue 13). */
function versionFive(name: string): Dexie {
  const old = versionFour(name)
  old.version(5).stores({ plans: 'id, status' })
  return old
}

/** Schema version 7: the devices in use before reporters' contacts were taken at intake. */
function versionSeven(name: string): Dexie {
  const old = versionFive(name)
  old.version(6).stores({ workOrders: 'id, *assignees' })
  old.version(7).stores({ workOrders: 'id, *assignees, declineReason' })
  return old
}

/** Schema version 9: the devices in use before photos taken elsewhere were downloaded (issue 13). */
function versionNine(name: string): Dexie {
  const old = versionSeven(name)
  old.version(9).stores({ pendingContacts: 'entryId' })
  return old
}

/** Opens the database by name with today's schema, runs the checks, then deletes it. */
async function afterUpgrade(name: string, check: (upgraded: SulCampoDb) => Promise<void>): Promise<void> {
  const upgraded = openDatabase(name)
  try {
    await check(upgraded)
  } finally {
    upgraded.close()
    await Dexie.delete(name)
  }
}

const queued = (authorId: string, state: 'pending' | 'rejected') => ({
  id: crypto.randomUUID(),
  entity: 'entry',
  op: 'insert',
  entityId: crypto.randomUUID(),
  baseVersion: 0,
  data: {},
  authorId,
  createdAt: '2026-11-26T10:00:00.000Z',
  state,
  attempts: 0,
  lastAttemptAt: null,
  lastError: null,
  rejectCode: state === 'rejected' ? 'forbidden' : null,
})

describe('outbox after the schema upgrade to version 4', () => {
  it('still pushes every mutation queued before the upgrade, the author’s pending ones in order', async () => {
    const name = `outbox-upgrade-${crypto.randomUUID()}`
    const old = versionThree(name)
    const rows = [queued('officer-1', 'pending'), queued('officer-2', 'pending'), queued('officer-1', 'rejected'), queued('officer-1', 'pending'), queued('officer-1', 'pending')]
    await old.table('outbox').bulkAdd(rows)
    old.close()
    const upgraded = openDatabase(name)
    try {
      const mine = await nextPendingBatch(upgraded, 'officer-1', 10)
      expect(mine.map((row) => row.id)).toEqual([rows[0]!.id, rows[3]!.id, rows[4]!.id])
      expect((await nextPendingBatch(upgraded, 'officer-1', 10, mine[0]!.seq)).map((row) => row.id)).toEqual([rows[3]!.id, rows[4]!.id])
      expect((await nextPendingBatch(upgraded, 'officer-2', 10)).map((row) => row.id)).toEqual([rows[1]!.id])
      expect(await upgraded.outbox.count()).toBe(5)
    } finally {
      upgraded.close()
      await Dexie.delete(name)
    }
  })
})

describe('a device upgraded to schema version 5 (plans as server data)', () => {
  it('keeps its queued mutations, objectives and entries, and knows the plan its objectives belong to', async () => {
    const name = `plans-upgrade-${crypto.randomUUID()}`
    const old = versionFour(name)
    const rows = [queued('officer-1', 'pending'), queued('officer-1', 'rejected'), queued('officer-1', 'pending')]
    const entry = anEntry({ objectiveId: 'pl-pattugliamento', occurredAt: '2026-11-30T08:00:00.000Z' })
    await old.table('outbox').bulkAdd(rows)
    await old.table('objectives').bulkAdd(PISOGNE_OBJECTIVES)
    await old.table('entries').add(entry)
    old.close()
    const upgraded = openDatabase(name)
    try {
      expect((await nextPendingBatch(upgraded, 'officer-1', 10)).map((row) => row.id)).toEqual([rows[0]!.id, rows[2]!.id])
      expect(await upgraded.outbox.count()).toBe(3)
      expect(await upgraded.objectives.count()).toBe(PISOGNE_OBJECTIVES.length)
      expect(await upgraded.entries.get(entry.id)).toEqual(entry)
      const plans = await upgraded.plans.toArray()
      expect(plans).toEqual([expect.objectContaining({ id: 'pisogne-2023-2025', status: 'adopted', inForceFrom: '2023-01-01', inForceUntil: null, version: 0 })])
      // Today's entries still count towards the Pisogne objectives until a newer plan is adopted.
      expect(planInForce(plans, '2026-11-30')?.id).toBe('pisogne-2023-2025')
    } finally {
      upgraded.close()
      await Dexie.delete(name)
    }
  })

  it('invents no plan on a device that held no objectives', async () => {
    const name = `plans-upgrade-${crypto.randomUUID()}`
    versionFour(name).close()
    const upgraded = openDatabase(name)
    try {
      expect(await upgraded.plans.count()).toBe(0)
    } finally {
      upgraded.close()
      await Dexie.delete(name)
    }
  })
})

/** What a device in use holds that an upgrade must keep: queued mutations, entries (one a report), a draft. */
async function fieldWork(old: Dexie) {
  const rows = [queued('officer-1', 'pending'), queued('officer-1', 'rejected'), queued('officer-2', 'pending')]
  const report = anEntry({ kind: 'maintenance_report', status: 'open', payload: { reportedAt: '2026-12-01T08:00:00.000Z', resolvedAt: null } })
  const entries = [anEntry(), report]
  const draft = { id: 'maintenance_report', data: { description: 'Cartello piegato' }, updatedAt: '2026-12-01T08:05:00.000Z' }
  await old.table('outbox').bulkAdd(rows)
  await old.table('entries').bulkAdd(entries)
  await old.table('drafts').add(draft)
  return {
    report,
    async expectKept(upgraded: SulCampoDb) {
      expect((await upgraded.outbox.orderBy('seq').toArray()).map((row) => row.id)).toEqual(rows.map((row) => row.id))
      expect((await nextPendingBatch(upgraded, 'officer-1', 10)).map((row) => row.id)).toEqual([rows[0]!.id])
      expect(await upgraded.entries.bulkGet(entries.map((e) => e.id))).toEqual(entries)
      expect(await upgraded.drafts.get(draft.id)).toEqual(draft)
    },
  }
}

describe('a device upgraded to schema version 6 (work orders)', () => {
  it('keeps every entry, queued mutation and draft, and can hold work orders', async () => {
    const name = `work-orders-upgrade-${crypto.randomUUID()}`
    const old = versionFive(name)
    const held = await fieldWork(old)
    old.close()
    await afterUpgrade(name, async (upgraded) => {
      await held.expectKept(upgraded)
      await upgraded.workOrders.put({ ...untriagedRecord(held.report.id, '2026-12-01T09:00:00.000Z'), assignees: ['worker-1'] })
      expect(await recordsAssignedTo(upgraded, 'worker-1')).toHaveLength(1)
    })
  })
})

describe('a device upgraded from schema version 7 (before intake contacts)', () => {
  it('keeps every entry, queued mutation and work order, and can hold a pending contact', async () => {
    const name = `contacts-upgrade-${crypto.randomUUID()}`
    const old = versionSeven(name)
    const rows = [queued('staff-1', 'pending')]
    const report = anEntry({ kind: 'maintenance_report', status: 'open', payload: { reportedAt: '2026-12-01T08:00:00.000Z', resolvedAt: null } })
    const order = { ...untriagedRecord(report.id, '2026-12-01T09:00:00.000Z'), assignees: ['worker-1'] }
    await old.table('outbox').bulkAdd(rows)
    await old.table('entries').add(report)
    await old.table('workOrders').add(order)
    old.close()
    await afterUpgrade(name, async (upgraded) => {
      expect((await upgraded.outbox.toArray()).map((row) => row.id)).toEqual(rows.map((row) => row.id))
      expect(await upgraded.entries.get(report.id)).toEqual(report)
      expect(await upgraded.workOrders.get(report.id)).toEqual(order)
      await upgraded.pendingContacts.put({ entryId: report.id, contact: { name: 'Mario Rossi', phone: '', email: '', note: '' }, authorId: 'staff-1', createdAt: '2026-12-04T10:00:00.000Z', attempts: 0, lastError: null, refused: 0 })
      expect(await upgraded.pendingContacts.count()).toBe(1)
    })
  })
})

describe('a device upgraded to schema version 10 (photos from the server)', () => {
  it("keeps every entry, queued mutation, draft, work order, photo and pending contact, and can hold the server's photo metadata", async () => {
    const name = `server-photos-upgrade-${crypto.randomUUID()}`
    const old = versionNine(name)
    const held = await fieldWork(old)
    const order = { ...untriagedRecord(held.report.id, '2026-12-01T09:00:00.000Z'), assignees: ['worker-1'] }
    const contact = { entryId: held.report.id, contact: { name: 'Mario Rossi', phone: '', email: '', note: '' }, authorId: 'officer-1', createdAt: '2026-12-04T10:00:00.000Z', attempts: 0, lastError: null, refused: 0 }
    const photo = { id: crypto.randomUUID(), entryId: held.report.id, blob: null, width: 10, height: 10, bytes: 3, uploaded: 0, createdAt: '2026-12-01T08:00:00.000Z' }
    await old.table('workOrders').add(order)
    await old.table('photos').add(photo)
    await old.table('pendingContacts').add(contact)
    old.close()
    await afterUpgrade(name, async (upgraded) => {
      await held.expectKept(upgraded)
      expect(await recordsAssignedTo(upgraded, 'worker-1')).toEqual([order])
      expect(await upgraded.pendingContacts.get(held.report.id), 'the contact still waits too').toEqual(contact)
      expect(await upgraded.photos.where('uploaded').equals(0).primaryKeys(), 'the photo still waits for its upload').toEqual([photo.id])
      await upgraded.serverPhotos.put({ id: crypto.randomUUID(), entryId: held.report.id, width: 1600, height: 1200, bytes: 1004, createdAt: '2026-12-01T08:10:00.000Z', version: 1 })
      expect(await upgraded.serverPhotos.where('entryId').equals(held.report.id).count()).toBe(1)
    })
  })
})
