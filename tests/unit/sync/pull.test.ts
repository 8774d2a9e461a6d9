import { describe, expect, it } from 'vitest'
import type { PullPage } from '~/domain/sync-protocol'
import { readCursor } from '~/db/sync-meta'
import { pullChanges } from '~/sync/pull'
import { SyncError } from '~/sync/sync-error'
import type { SyncTransport } from '~/sync/transport'
import { anEntry, logEntriesOffline, useDeviceAndServer } from './factories'

describe('pullChanges', () => {
  const f = useDeviceAndServer()

  function seedServer(count: number) {
    return Array.from({ length: count }, () => {
      const entry = anEntry({ authorId: 'colleague' })
      f.server.serverWrite('entry', { ...entry })
      return entry
    })
  }

  it('pages through every change and remembers where it stopped', async () => {
    seedServer(12)
    const summary = await pullChanges(f.db, f.server, 5)
    expect(f.server.pullCalls).toEqual([null, '5', '10'])
    expect(summary).toMatchObject({ pages: 3, stored: 12 })
    expect(await f.db.entries.count()).toBe(12)
    expect(await readCursor(f.db)).toBe('12')
  })

  it('resumes after a crash between pages with the cursor matching the rows already written', async () => {
    const seeded = seedServer(10)
    let pages = 0
    const crashing = f.server.with({
      async pull(cursor, limit) {
        if (++pages === 2) throw new SyncError('offline')
        return f.server.pull(cursor, limit)
      },
    })
    await expect(pullChanges(f.db, crashing, 4)).rejects.toMatchObject({ code: 'offline' })
    expect(await readCursor(f.db)).toBe('4')
    expect((await f.db.entries.toArray()).map((e) => e.id).sort()).toEqual(seeded.slice(0, 4).map((e) => e.id).sort())

    await pullChanges(f.db, f.server, 4)
    expect(f.server.pullCalls.at(-2)).toBe('4')
    expect(await f.db.entries.count()).toBe(10)
  })

  it('stops at the last page it could store when a page cannot be written, and resumes from there', async () => {
    const seeded = seedServer(12)
    const unstorable = f.server.with({
      async pull(cursor, limit) {
        const page = await f.server.pull(cursor, limit)
        // A value IndexedDB cannot clone fails the second page's transaction as a whole.
        if (cursor === '5') page.changes[1] = { ...page.changes[1]!, row: { ...page.changes[1]!.row, broken: () => 0 } }
        return page
      },
    })
    await expect(pullChanges(f.db, unstorable, 5)).rejects.toThrow()
    expect(await readCursor(f.db)).toBe('5')
    expect(await f.db.entries.count()).toBe(5)

    await pullChanges(f.db, f.server, 5)
    expect((await f.db.entries.toArray()).map((e) => e.id).sort()).toEqual(seeded.map((e) => e.id).sort())
  })

  it('stores the server’s copy whether the device already holds the row or not', async () => {
    const [changed, unchanged] = seedServer(2)
    await pullChanges(f.db, f.server)
    f.server.serverWrite('entry', { ...changed, payload: { zone: 'Lago' } })
    const [fresh] = seedServer(1)
    const summary = await pullChanges(f.db, f.server)
    expect(summary.stored).toBe(2)
    expect(await f.db.entries.get(changed.id)).toMatchObject({ payload: { zone: 'Lago' }, version: 2 })
    expect(await f.db.entries.get(unchanged.id)).toMatchObject({ version: 1 })
    expect(await f.db.entries.get(fresh.id)).toMatchObject({ version: 1 })
  })

  it('deletes rows the f.server reports as deleted', async () => {
    const [gone, kept] = seedServer(2)
    await pullChanges(f.db, f.server)
    f.server.serverWrite('entry', { id: gone.id }, true)
    const summary = await pullChanges(f.db, f.server)
    expect(summary.deleted).toBe(1)
    expect(await f.db.entries.get(gone.id)).toBeUndefined()
    expect(await f.db.entries.get(kept.id)).toBeDefined()
  })

  it('never overwrites a row with unsynced local work, pending or rejected', async () => {
    const [pending, rejected] = await logEntriesOffline(f.db, 2)
    await f.db.outbox.where('entityId').equals(rejected.id).modify({ state: 'rejected', rejectCode: 'forbidden' })
    f.server.serverWrite('entry', { ...pending, payload: { from: 'f.server' } })
    f.server.serverWrite('entry', { ...rejected, payload: { from: 'f.server' } })
    const summary = await pullChanges(f.db, f.server)
    expect(summary.skipped).toBe(2)
    expect(await f.db.entries.get(pending.id)).toEqual(pending)
    expect(await f.db.entries.get(rejected.id)).toEqual(rejected)
  })

  it('fails instead of looping when the f.server keeps returning the same cursor', async () => {
    const stuck: PullPage = { changes: [], cursor: 'abc', hasMore: true }
    let calls = 0
    const looping: SyncTransport = { push: async () => [], pull: async () => (calls++, stuck) }
    await expect(pullChanges(f.db, looping)).rejects.toMatchObject({ code: 'protocol' })
    expect(calls).toBe(2)
  })

  it('starts over from the beginning once when the f.server no longer accepts the saved cursor', async () => {
    seedServer(3)
    await f.db.meta.put({ key: 'sync:cursor', value: 'stale' })
    let first = true
    const restored = f.server.with({
      async pull(cursor, limit) {
        if (first) {
          first = false
          throw new SyncError('invalid_cursor')
        }
        return f.server.pull(cursor, limit)
      },
    })
    await pullChanges(f.db, restored)
    expect(f.server.pullCalls).toEqual([null])
    expect(await f.db.entries.count()).toBe(3)
  })
})
