import { describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { openDatabase } from '~/db/database'
import { closeOnVersionChange, newVersionRequired, onNewVersionRequired } from '~/sync/new-version'

describe('database upgraded by another tab', () => {
  it('closes this tab’s connection and asks for a reload', async () => {
    const db = openDatabase(`version-test-${crypto.randomUUID()}`)
    await db.open()
    closeOnVersionChange(db)
    let prompted = 0
    onNewVersionRequired(() => prompted++)
    expect(newVersionRequired()).toBe(false)

    // A newer app version in another tab opens the same database with a higher version.
    const newer = new Dexie(db.name)
    newer.version(db.verno + 1).stores({ outbox: '++seq, &id, entityId, authorId, state', meta: 'key' })
    await newer.open()

    expect(db.isOpen()).toBe(false)
    expect(newVersionRequired()).toBe(true)
    expect(prompted).toBe(1)
    newer.close()
    await Dexie.delete(db.name)
  })
})
