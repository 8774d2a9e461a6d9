import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { openDatabase, type SulCampoDb } from '~/db/database'
import { writeChange } from '~/db/local-writes'
import type { Entry } from '~/domain/entry'

function anEntry(overrides: Partial<Entry> = {}): Entry {
  const now = new Date('2026-11-26T10:00:00Z').toISOString()
  return {
    id: crypto.randomUUID(),
    objectiveId: 'pl-pattugliamento',
    kind: 'count_update',
    payload: { quantity: 1, total: null, note: '' },
    status: null,
    occurredAt: now,
    authorId: 'u1',
    createdAt: now,
    updatedAt: now,
    version: 0,
    locked: false,
    deleted: false,
    ...overrides,
  }
}

describe('writeChange', () => {
  let db: SulCampoDb
  beforeEach(() => {
    db = openDatabase(`test-${crypto.randomUUID()}`)
  })
  afterEach(async () => {
    db.close()
    await Dexie.delete(db.name)
  })

  it('tells each queued change whether other changes of the same entity are queued before or after it', async () => {
    const report = anEntry()
    const other = anEntry()
    await writeChange(db, { entity: 'entry', op: 'insert', row: report, data: { ...report }, authorId: 'u1' })
    await writeChange(db, { entity: 'entry', op: 'insert', row: other, data: { ...other }, authorId: 'u1' })
    await writeChange(db, { entity: 'entry', op: 'update', row: { ...report, status: 'resolved' }, data: { status: 'resolved' }, authorId: 'u2' })
    const flags = (await db.outbox.toArray()).map((row) => [row.entityId, row.entityHadQueued, row.laterChangeQueued])
    expect(flags).toEqual([
      [report.id, false, true],
      [other.id, false, false],
      [report.id, true, false],
    ])
  })

  it('saves the entry and queues its mutation together', async () => {
    const entry = anEntry()
    const mutation = await writeChange(db, { entity: 'entry', op: 'insert', row: entry, data: { ...entry }, authorId: 'u1' })
    expect(await db.entries.get(entry.id)).toEqual(entry)
    const queued = await db.outbox.toArray()
    expect(queued).toHaveLength(1)
    expect(queued[0]).toMatchObject({ id: mutation.id, entityId: entry.id, op: 'insert', state: 'pending', baseVersion: 0 })
  })

  it('keeps neither the entry nor the mutation when the transaction fails', async () => {
    const entry = anEntry()
    const duplicate = await writeChange(db, { entity: 'entry', op: 'insert', row: entry, data: {}, authorId: 'u1' })
    // A second mutation with the same id violates the outbox's unique index, so the whole write must roll back.
    const originalRandom = crypto.randomUUID.bind(crypto)
    crypto.randomUUID = () => duplicate.id as ReturnType<typeof crypto.randomUUID>
    try {
      const other = anEntry()
      await expect(writeChange(db, { entity: 'entry', op: 'insert', row: other, data: {}, authorId: 'u1' })).rejects.toThrow()
      expect(await db.entries.get(other.id)).toBeUndefined()
    } finally {
      crypto.randomUUID = originalRandom
    }
    expect(await db.outbox.count()).toBe(1)
  })
})
