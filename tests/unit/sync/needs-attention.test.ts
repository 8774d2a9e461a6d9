import { describe, expect, it } from 'vitest'
import { discard, requeue } from '~/db/outbox-repo'
import { pushOutbox } from '~/sync/push'
import { anEntry, logEntriesOffline, updateStatus, useDeviceAndServer } from './factories'

describe('needs attention: rejected changes', () => {
  const f = useDeviceAndServer()

  async function rejectEverything(code: 'forbidden' | 'invalid_payload' = 'forbidden') {
    f.server.rejectWhen = () => code
    await pushOutbox(f.db, f.server, 'officer-1')
    f.server.rejectWhen = () => null
  }

  it('sends a rejected change again after the user retries it, and it reaches the f.server once', async () => {
    const [entry] = await logEntriesOffline(f.db, 1)
    await rejectEverything()
    const [rejected] = await f.db.outbox.toArray()
    await requeue(f.db, rejected.id)
    await pushOutbox(f.db, f.server, 'officer-1')
    // A fresh id: the f.server never applied the rejected one, and may remember its answer for it.
    expect(f.server.pushCalls[1].map((m) => [m.entityId, m.id === rejected.id])).toEqual([[entry.id, false]])
    expect(f.server.countRows('entry')).toBe(1)
    expect(await f.db.outbox.count()).toBe(0)
  })

  it('discarding a never-sent new entry removes it from the device too', async () => {
    const [entry] = await logEntriesOffline(f.db, 1)
    await rejectEverything('invalid_payload')
    const [rejected] = await f.db.outbox.toArray()
    expect(await discard(f.db, rejected.id)).toEqual({ needsRepull: false })
    expect(await f.db.entries.get(entry.id)).toBeUndefined()
    expect(await f.db.outbox.count()).toBe(0)
  })

  it('discarding a change to a synced row asks for the f.server copy back', async () => {
    const report = anEntry({ kind: 'maintenance_report', status: 'open', version: 3 })
    await f.db.entries.put(report)
    await updateStatus(f.db, report, 'resolved')
    await rejectEverything()
    const [rejected] = await f.db.outbox.toArray()
    expect(await discard(f.db, rejected.id)).toEqual({ needsRepull: true })
    expect(await f.db.entries.get(report.id)).toBeDefined()
  })
})
