import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type SulCampoDb } from '~/db/database'
import { readEntriesOf, unlockedEntries } from '~/db/dashboard-queries'
import type { Entry } from '~/domain/entry'

const entry = (objectiveId: string, day: number, extra: Partial<Entry> = {}): Entry => {
  const at = `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z`
  return { id: crypto.randomUUID(), objectiveId, kind: 'checkpoint', payload: {}, status: null, occurredAt: at, authorId: 'officer-1', createdAt: at, updatedAt: at, version: 1, locked: false, deleted: false, ...extra }
}

/** These queries run on the first part of the [objectiveId+occurredAt] index (no `objectiveId` index since schema 4). */
describe('manager queries by objective', () => {
  let db: SulCampoDb
  beforeEach(() => {
    db = openDatabase(`dashboard-queries-${crypto.randomUUID()}`)
  })
  afterEach(async () => {
    db.close()
    await Dexie.delete(db.name)
  })

  it('read one objective’s live entries and nobody else’s', async () => {
    const mine = [entry('pl-posti-blocco', 3), entry('pl-posti-blocco', 1)]
    await db.entries.bulkPut([...mine, entry('pl-posti-blocco', 2, { deleted: true }), entry('pl-pattugliamento', 2)])
    expect((await readEntriesOf(db, 'pl-posti-blocco')).map((e) => e.id).sort()).toEqual(mine.map((e) => e.id).sort())
  })

  it('list the unlocked entries of several objectives, newest first', async () => {
    const [a, b, c] = [entry('pl-posti-blocco', 1), entry('pl-pattugliamento', 5), entry('pl-posti-blocco', 3)]
    await db.entries.bulkPut([a, b, c, entry('pl-posti-blocco', 4, { locked: true }), entry('terr-segnaletica', 9)])
    expect((await unlockedEntries(db, ['pl-posti-blocco', 'pl-pattugliamento'])).map((e) => e.id)).toEqual([b.id, c.id, a.id])
  })
})
