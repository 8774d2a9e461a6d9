import { describe, expect, it, vi } from 'vitest'
import { readLastSuccessAt } from '~/db/sync-meta'
import { createSyncEngine, type RefreshOutcome, type SyncAuth } from '~/sync/engine'
import { SyncError } from '~/sync/sync-error'
import { createSyncLock } from '~/sync/sync-lock'
import type { SyncTransport } from '~/sync/transport'
import { logEntriesOffline, useDeviceAndServer } from './factories'

function signedInAs(userId: string | null, refresh: RefreshOutcome = 'refreshed'): SyncAuth & { refreshes: number } {
  const auth = {
    refreshes: 0,
    currentUserId: async () => userId,
    refreshSession: async () => {
      auth.refreshes++
      return refresh
    },
  }
  return auth
}

describe('sync engine', () => {
  const f = useDeviceAndServer()
  const now = () => new Date('2026-11-26T10:30:00Z')

  it('pushes then pulls, and remembers when it last succeeded', async () => {
    await logEntriesOffline(f.db, 2)
    f.server.serverWrite('entry', { id: 'from-colleague', authorId: 'colleague' })
    const engine = createSyncEngine({ db: f.db, transport: f.server, auth: signedInAs('officer-1'), now })
    const outcome = await engine.syncNow()
    expect(outcome).toMatchObject({ kind: 'synced', push: { applied: 2 }, pull: { stored: 3 } })
    expect(await f.db.entries.count()).toBe(3)
    expect(engine.state).toEqual({ phase: 'idle', error: null, lastSuccessAt: '2026-11-26T10:30:00.000Z' })
    expect(await readLastSuccessAt(f.db)).toBe('2026-11-26T10:30:00.000Z')
  })

  it('stays inert in device-only mode and lets the outbox accumulate', async () => {
    await logEntriesOffline(f.db, 3)
    const engine = createSyncEngine({ db: f.db, transport: null, auth: signedInAs('officer-1') })
    expect(await engine.syncNow()).toEqual({ kind: 'skipped', reason: 'disabled' })
    expect(engine.state.phase).toBe('disabled')
    expect(await f.db.outbox.count()).toBe(3)
  })

  it('refreshes the session once after a 401 and retries the round', async () => {
    await logEntriesOffline(f.db, 1)
    f.server.failNextPush = { when: 'before', error: new SyncError('unauthorized', 'JWT expired', 401) }
    const auth = signedInAs('officer-1', 'refreshed')
    const engine = createSyncEngine({ db: f.db, transport: f.server, auth })
    expect((await engine.syncNow()).kind).toBe('synced')
    expect(auth.refreshes).toBe(1)
    expect(await f.db.outbox.count()).toBe(0)
  })

  it('asks to sign in again when the refresh fails, leaving the outbox exactly as it was', async () => {
    await logEntriesOffline(f.db, 2)
    const before = await f.db.outbox.toArray()
    f.server.failNextPush = { when: 'before', error: new SyncError('unauthorized', 'JWT expired', 401) }
    const engine = createSyncEngine({ db: f.db, transport: f.server, auth: signedInAs('officer-1', 'rejected') })
    expect(await engine.syncNow()).toEqual({ kind: 'needs_sign_in' })
    expect(engine.state).toMatchObject({ phase: 'needs_sign_in', error: 'unauthorized' })
    expect(await f.db.outbox.toArray()).toEqual(before)
  })

  it('reports a refresh that needs the network as offline, not as signed out', async () => {
    f.server.failNextPush = { when: 'before', error: new SyncError('unauthorized') }
    await logEntriesOffline(f.db, 1)
    const engine = createSyncEngine({ db: f.db, transport: f.server, auth: signedInAs('officer-1', 'offline') })
    expect(await engine.syncNow()).toMatchObject({ kind: 'failed', error: { code: 'offline' } })
    expect(engine.state).toMatchObject({ phase: 'error', error: 'offline' })
  })

  it('does nothing without a signed-in user', async () => {
    await logEntriesOffline(f.db, 1)
    const engine = createSyncEngine({ db: f.db, transport: f.server, auth: signedInAs(null) })
    expect(await engine.syncNow()).toEqual({ kind: 'skipped', reason: 'signed_out' })
    expect(f.server.pushCalls).toHaveLength(0)
  })

  it('runs one round at a time: a second request while syncing is skipped', async () => {
    await logEntriesOffline(f.db, 1)
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const slow: SyncTransport = {
      push: async (mutations) => (await gate, f.server.push(mutations)),
      pull: (cursor, limit) => f.server.pull(cursor, limit),
    }
    const engine = createSyncEngine({ db: f.db, transport: slow, auth: signedInAs('officer-1'), lock: createSyncLock(null) })
    const first = engine.syncNow()
    await vi.waitFor(() => expect(engine.state.phase).toBe('syncing'))
    expect(await engine.syncNow()).toEqual({ kind: 'skipped', reason: 'busy' })
    release()
    expect((await first).kind).toBe('synced')
  })
})

describe('sync lock', () => {
  it('asks the Web Locks API for the lock without waiting, and skips when another tab holds it', async () => {
    const request = vi.fn(async (_name: string, _options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<unknown>) => callback(null))
    const run = createSyncLock({ request } as never)
    const task = vi.fn(async () => 'done')
    expect(await run(task)).toEqual({ ran: false })
    expect(task).not.toHaveBeenCalled()
    expect(request.mock.calls[0].slice(0, 2)).toEqual(['sulcampo-sync', { ifAvailable: true }])
  })
})
