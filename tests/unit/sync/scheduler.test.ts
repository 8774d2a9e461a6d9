import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createBackoff } from '~/sync/backoff'
import type { SyncOutcome } from '~/sync/engine'
import { createSyncScheduler } from '~/sync/scheduler'
import { SyncError } from '~/sync/sync-error'

const synced: SyncOutcome = {
  kind: 'synced',
  push: { applied: 0, conflicts: 0, rejected: 0, batches: 0 },
  pull: { pages: 1, stored: 0, deleted: 0, skipped: 0 },
}
const offline: SyncOutcome = { kind: 'failed', error: new SyncError('offline') }

function setup(outcomes: SyncOutcome[] = [], baseMs = 1_000) {
  const engine = { syncNow: vi.fn(async () => outcomes.shift() ?? synced) }
  const win = new EventTarget()
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState })
  // random 0.5: the n-th retry waits exactly half of min(cap, 1 s · 2^n).
  const scheduler = createSyncScheduler({ engine, window: win, document: doc, backoff: createBackoff({ baseMs, random: () => 0.5 }) })
  return { engine, win, doc, scheduler }
}

describe('sync scheduler', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('syncs at start and then every minute while the tab is visible', async () => {
    const { engine, scheduler } = setup()
    scheduler.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(engine.syncNow).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(120_000)
    expect(engine.syncNow).toHaveBeenCalledTimes(3)
    scheduler.stop()
  })

  it('stops the timer while hidden and syncs as soon as the tab is visible again', async () => {
    const { engine, doc, scheduler } = setup()
    scheduler.start()
    await vi.advanceTimersByTimeAsync(0)
    doc.visibilityState = 'hidden'
    doc.dispatchEvent(new Event('visibilitychange'))
    await vi.advanceTimersByTimeAsync(300_000)
    expect(engine.syncNow).toHaveBeenCalledTimes(1)
    doc.visibilityState = 'visible'
    doc.dispatchEvent(new Event('visibilitychange'))
    await vi.advanceTimersByTimeAsync(0)
    expect(engine.syncNow).toHaveBeenCalledTimes(2)
    scheduler.stop()
  })

  it('syncs once, two seconds after a burst of local writes', async () => {
    const { engine, scheduler } = setup()
    for (let i = 0; i < 5; i++) {
      scheduler.notifyLocalWrite()
      await vi.advanceTimersByTimeAsync(500)
    }
    expect(engine.syncNow).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1_500)
    expect(engine.syncNow).toHaveBeenCalledTimes(1)
  })

  it('retries failures after growing waits and goes back to normal after a success', async () => {
    const { engine, scheduler } = setup([offline, offline, offline])
    await scheduler.requestSync('manual')
    await vi.advanceTimersByTimeAsync(499)
    expect(engine.syncNow).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1) // 1st retry at 0.5 s
    await vi.advanceTimersByTimeAsync(1_000) // 2nd at +1 s
    expect(engine.syncNow).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(1_999)
    expect(engine.syncNow).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(1) // 3rd at +2 s succeeds; no more retries
    await vi.advanceTimersByTimeAsync(30_000)
    expect(engine.syncNow).toHaveBeenCalledTimes(4)
  })

  it('leaves writes to the pending retry but tries at once when the network comes back', async () => {
    // First retry 10 s after the failure at start.
    const { engine, win, scheduler } = setup([offline, offline], 20_000)
    scheduler.start()
    await vi.advanceTimersByTimeAsync(0)
    scheduler.notifyLocalWrite()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(engine.syncNow).toHaveBeenCalledTimes(1)
    win.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(0)
    expect(engine.syncNow).toHaveBeenCalledTimes(2)
    scheduler.stop()
  })

  it('does not retry by itself when the user must sign in again', async () => {
    const { engine, scheduler } = setup([{ kind: 'needs_sign_in' }])
    await scheduler.requestSync('manual')
    await vi.advanceTimersByTimeAsync(600_000)
    expect(engine.syncNow).toHaveBeenCalledTimes(1)
  })
})
