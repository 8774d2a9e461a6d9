import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '~/db/database'
import { nextPendingBatch } from '~/db/outbox-repo'

/** The outbox as schema version 3 left it on devices, before the push index of version 4. */
function versionThree(name: string): Dexie {
  const old = new Dexie(name)
  old.version(1).stores({ objectives: 'id, areaId, planId', entries: 'id, objectiveId, kind, authorId, occurredAt, status, [objectiveId+occurredAt]', outbox: '++seq, &id, entityId, authorId, state', meta: 'key' })
  old.version(2).stores({ snowRoutes: 'id, priority', snowEvents: 'id, startedAt', programmes: 'id, objectiveId, [objectiveId+month]', objectiveSettings: 'id', drafts: 'id', photos: 'id, entryId, uploaded' })
  old.version(3).stores({ objectiveStats: '[objectiveId+month+kind], objectiveId' })
  return old
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
