import { beforeEach, describe, expect, it, vi } from 'vitest'
import { appDatabase } from '~/db/app-database'
import { useFieldLogStore } from '~/features/field-log/field-log-store'
import { freshDevice } from './mount-form'

const count = { quantity: 2, total: null, note: '' }

describe("the field home's lists", () => {
  beforeEach(freshDevice)

  it('hold a saved entry as "to send" the moment the save returns, before any query runs again', async () => {
    const store = useFieldLogStore()
    const saved = await store.create('count_update', 'fin-imu-tari', count)
    if (!saved.ok) throw new Error('not saved')
    expect(store.recent.map((e) => e.id)).toEqual([saved.entry.id])
    expect(store.pending.has(saved.entry.id)).toBe(true)
  })

  it('turn a badge to "sent" when a background sync empties the outbox, without reopening the page', async () => {
    const store = useFieldLogStore()
    store.follow()
    const saved = await store.create('count_update', 'fin-imu-tari', count)
    if (!saved.ok) throw new Error('not saved')
    await vi.waitFor(() => expect(store.pending.has(saved.entry.id)).toBe(true))
    await appDatabase().outbox.where('entityId').equals(saved.entry.id).delete() // what an acknowledged push does
    await vi.waitFor(() => expect(store.pending.has(saved.entry.id)).toBe(false))
    expect(store.recent.map((e) => e.id)).toEqual([saved.entry.id])
  })

  it('show entries a sync brought in for the same user, newest first', async () => {
    const store = useFieldLogStore()
    store.follow()
    const saved = await store.create('count_update', 'fin-imu-tari', count)
    if (!saved.ok) throw new Error('not saved')
    const fromOtherDevice = { ...saved.entry, id: 'pulled-1', occurredAt: new Date(Date.now() + 60_000).toISOString() }
    await appDatabase().entries.put(fromOtherDevice)
    await vi.waitFor(() => expect(store.recent.map((e) => e.id)).toEqual(['pulled-1', saved.entry.id]))
  })
})
