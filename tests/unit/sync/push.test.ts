import { describe, expect, it } from 'vitest'
import { readConflicts } from '~/db/sync-meta'
import { applyPushResults } from '~/db/sync-push-apply'
import { pushOutbox } from '~/sync/push'
import { SyncError } from '~/sync/sync-error'
import { anEntry, logEntriesOffline, updateStatus, useDeviceAndServer } from './factories'
import { keyOf, SERVER_TIME } from './fake-server'

describe('pushOutbox', () => {
  const f = useDeviceAndServer()

  it('sends 450 queued entries in batches of 200, 200 and 50 (a smaller size than the app’s, to keep the test quick), oldest first, and empties the outbox', async () => {
    const entries = await logEntriesOffline(f.db, 450)
    const summary = await pushOutbox(f.db, f.server, 'officer-1', { batchSize: 200 })
    expect(f.server.pushCalls.map((batch) => batch.length)).toEqual([200, 200, 50])
    expect(f.server.pushCalls.flat().map((m) => m.entityId)).toEqual(entries.map((e) => e.id))
    expect(summary).toMatchObject({ applied: 450, batches: 3 })
    expect(await f.db.outbox.count()).toBe(0)
    expect(f.server.countRows('entry')).toBe(450)
    expect((await f.db.entries.get(entries[0].id))?.version).toBe(1)
  })

  it('leaves out of each mutation the fields the server sets itself, and stores the server’s row with them', async () => {
    const [entry] = await logEntriesOffline(f.db, 1)
    await pushOutbox(f.db, f.server, 'officer-1')
    const [sent] = f.server.pushCalls.flat()
    expect(Object.keys(sent!.data).sort()).toEqual(['kind', 'locked', 'deleted', 'objectiveId', 'occurredAt', 'payload', 'status'].sort())
    expect(sent).toMatchObject({ entityId: entry!.id, authorId: 'officer-1' })
    // The answer is partial (the server's own fields): the device's row is kept, with them on top.
    expect(await f.db.entries.get(entry!.id)).toEqual({ ...entry, version: 1, updatedAt: SERVER_TIME })
  })

  it('takes a partial answer onto the stored row when the new row is not the entity’s only queued change', async () => {
    const [entry] = await logEntriesOffline(f.db, 1)
    const [queued] = await f.db.outbox.toArray()
    // What the outbox flags say of an insert whose later change was discarded meanwhile.
    await f.db.outbox.update(queued!.seq!, { laterChangeQueued: true })
    await pushOutbox(f.db, f.server, 'officer-1')
    expect(await f.db.entries.get(entry!.id)).toEqual({ ...entry, version: 1, updatedAt: SERVER_TIME })
  })

  it('sends a batch only once the previous one was answered, while the device stores answers alongside', async () => {
    await logEntriesOffline(f.db, 450)
    let inFlight = 0
    let mostInFlight = 0
    const outboxWhenSent: number[] = []
    const watched = f.server.with({
      async push(mutations) {
        mostInFlight = Math.max(mostInFlight, ++inFlight)
        outboxWhenSent.push(await f.db.outbox.count())
        try {
          return await f.server.push(mutations)
        } finally {
          inFlight--
        }
      },
    })
    await pushOutbox(f.db, watched, 'officer-1', { batchSize: 200 })
    expect(mostInFlight).toBe(1)
    // The server never sees a batch twice, and an answered batch leaves the outbox at most one batch later.
    expect(new Set(f.server.pushCalls.flat().map((m) => m.id)).size).toBe(450)
    expect(outboxWhenSent[2]).toBeLessThanOrEqual(450 - 200)
    expect(await f.db.outbox.count()).toBe(0)
  })

  it('never loses or repeats an entry saved while a round is running (the scheduler runs one more round)', async () => {
    await logEntriesOffline(f.db, 250)
    let savedDuringRound = false
    const busy = f.server.with({
      async push(mutations) {
        if (!savedDuringRound) {
          savedDuringRound = true
          await logEntriesOffline(f.db, 1)
        }
        return f.server.push(mutations)
      },
    })
    const first = await pushOutbox(f.db, busy, 'officer-1')
    const second = await pushOutbox(f.db, busy, 'officer-1')
    expect(first.applied + second.applied).toBe(251)
    expect(f.server.countRows('entry')).toBe(251)
    expect(new Set(f.server.pushCalls.flat().map((m) => m.id)).size).toBe(f.server.pushCalls.flat().length)
    expect(await f.db.outbox.count()).toBe(0)
  })

  it('keeps the answers of the batches before a failed call and leaves the rest queued', async () => {
    await logEntriesOffline(f.db, 450)
    const failing = f.server.with({
      push: (mutations) => (f.server.pushCalls.length === 1 ? Promise.reject(new SyncError('offline')) : f.server.push(mutations)),
    })
    await expect(pushOutbox(f.db, failing, 'officer-1', { batchSize: 200 })).rejects.toMatchObject({ code: 'offline' })
    const left = await f.db.outbox.toArray()
    expect(left).toHaveLength(250)
    expect(left.filter((row) => row.attempts === 1)).toHaveLength(200)
    expect((await f.db.entries.toArray()).filter((e) => e.version === 1)).toHaveLength(200)
    await pushOutbox(f.db, f.server, 'officer-1')
    expect(f.server.countRows('entry')).toBe(450)
    expect(await f.db.outbox.count()).toBe(0)
  })

  it('does not bring back an entry the user discarded while its batch was on the wire', async () => {
    const [kept, dropped] = await logEntriesOffline(f.db, 2)
    const discarding = f.server.with({
      async push(mutations) {
        await f.db.transaction('rw', [f.db.outbox, f.db.entries], async () => {
          await f.db.outbox.where('entityId').equals(dropped.id).delete()
          await f.db.entries.delete(dropped.id)
        })
        return f.server.push(mutations)
      },
    })
    await pushOutbox(f.db, discarding, 'officer-1')
    expect(await f.db.entries.get(dropped.id)).toBeUndefined()
    expect(await f.db.entries.get(kept.id)).toMatchObject({ version: 1 })
    expect(await f.db.outbox.count()).toBe(0)
  })

  it('pushes only the signed-in user’s entries on a shared tablet and keeps the others queued', async () => {
    await logEntriesOffline(f.db, 3, 'officer-1')
    await logEntriesOffline(f.db, 2, 'officer-2')
    await pushOutbox(f.db, f.server, 'officer-2')
    expect(f.server.pushCalls.flat().every((m) => m.authorId === 'officer-2')).toBe(true)
    expect(f.server.countRows('entry')).toBe(2)
    const left = await f.db.outbox.toArray()
    expect(left.map((row) => [row.authorId, row.state])).toEqual(Array(3).fill(['officer-1', 'pending']))
  })

  it('never duplicates an entry when the answer is lost after the f.server committed', async () => {
    await logEntriesOffline(f.db, 5)
    f.server.failNextPush = { when: 'after', error: new SyncError('timeout') }
    await expect(pushOutbox(f.db, f.server, 'officer-1')).rejects.toMatchObject({ code: 'timeout' })
    const queued = await f.db.outbox.toArray()
    expect(queued.map((row) => [row.state, row.attempts, row.lastError])).toEqual(Array(5).fill(['pending', 1, 'timeout']))

    await pushOutbox(f.db, f.server, 'officer-1')
    expect(f.server.pushCalls[1].map((m) => m.id)).toEqual(f.server.pushCalls[0].map((m) => m.id))
    expect(f.server.countRows('entry')).toBe(5)
    expect(f.server.appliedMutationIds.size).toBe(5)
    expect(await f.db.outbox.count()).toBe(0)
  })

  it('leaves the outbox untouched except the attempt count when the network is down', async () => {
    const [entry] = await logEntriesOffline(f.db, 1)
    f.server.failNextPush = { when: 'before', error: new SyncError('offline') }
    await expect(pushOutbox(f.db, f.server, 'officer-1')).rejects.toMatchObject({ code: 'offline' })
    expect(await f.db.outbox.toArray()).toMatchObject([{ entityId: entry.id, state: 'pending', attempts: 1, lastError: 'offline' }])
    expect(await f.db.entries.get(entry.id)).toEqual(entry)
  })

  it('keeps a rejected entry visible with its code and does not resend it', async () => {
    const [bad, good] = await logEntriesOffline(f.db, 2)
    f.server.rejectWhen = (m) => (m.entityId === bad.id ? 'invalid_payload' : null)
    const summary = await pushOutbox(f.db, f.server, 'officer-1')
    expect(summary).toMatchObject({ applied: 1, rejected: 1 })
    expect(await f.db.outbox.toArray()).toMatchObject([
      { entityId: bad.id, state: 'rejected', rejectCode: 'invalid_payload', lastError: 'rejected: invalid_payload' },
    ])
    expect(await f.db.entries.get(bad.id)).toBeDefined()
    await pushOutbox(f.db, f.server, 'officer-1')
    expect(f.server.pushCalls).toHaveLength(1)
    expect(f.server.rows.has(keyOf('entry', good.id))).toBe(true)
  })

  it('takes the f.server’s status on a conflict and records the value this device lost', async () => {
    const report = anEntry({ kind: 'maintenance_report', status: 'open', version: 1 })
    f.server.serverWrite('entry', { ...report, status: 'open' })
    f.server.serverWrite('entry', { id: report.id, status: 'resolved', updatedBy: 'worker-2' })
    await f.db.entries.put(report)
    await updateStatus(f.db, report, 'in_progress')
    const summary = await pushOutbox(f.db, f.server, 'officer-1')
    expect(summary.conflicts).toBe(1)
    expect(await f.db.outbox.count()).toBe(0)
    expect(await f.db.entries.get(report.id)).toMatchObject({ status: 'resolved', version: 2 })
    expect(await readConflicts(f.db)).toMatchObject([
      { entityId: report.id, lost: { status: 'in_progress' }, kept: { status: 'resolved' }, keptBy: 'worker-2' },
    ])
  })

  it('does not overwrite a newer local change that is still queued when an older one is applied', async () => {
    const [entry] = await logEntriesOffline(f.db, 1)
    const batch = await f.db.outbox.toArray()
    const results = await f.server.push(batch)
    await updateStatus(f.db, { ...entry, kind: 'maintenance_report' }, 'in_progress')
    await applyPushResults(f.db, batch, results, new Date().toISOString())
    expect(await f.db.entries.get(entry.id)).toMatchObject({ status: 'in_progress', version: 1 })
    expect(await f.db.outbox.count()).toBe(1)
  })

  it('does not overwrite a newer queued change when the queue was written by an app without the outbox flags', async () => {
    const [entry] = await logEntriesOffline(f.db, 1)
    await updateStatus(f.db, { ...entry, kind: 'maintenance_report' }, 'in_progress')
    await f.db.outbox.toCollection().modify((row) => {
      delete row.entityHadQueued
      delete row.laterChangeQueued
    })
    const [insert] = await f.db.outbox.toArray()
    await applyPushResults(f.db, [insert!], await f.server.push([insert!]), new Date().toISOString())
    expect(await f.db.entries.get(entry.id)).toMatchObject({ status: 'in_progress', version: 1 })
    expect(await f.db.outbox.count()).toBe(1)
  })

  it('applies a batch’s answers all together or not at all', async () => {
    await logEntriesOffline(f.db, 3)
    const batch = await f.db.outbox.toArray()
    const results = await f.server.push(batch)
    // A row IndexedDB cannot store makes the transaction fail half-way through the batch.
    results[2] = { ...results[2], row: { ...('row' in results[2] ? results[2].row : {}), broken: () => 0 } } as typeof results[2]
    await expect(applyPushResults(f.db, batch, results, new Date().toISOString())).rejects.toThrow()
    expect(await f.db.outbox.count()).toBe(3)
    expect((await f.db.entries.toArray()).map((e) => e.version)).toEqual([0, 0, 0])
  })
})
