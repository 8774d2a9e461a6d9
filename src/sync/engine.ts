import type { SulCampoDb } from '~/db/database'
import { writeMeta } from '~/db/meta-repo'
import { readLastSuccessAt, SYNC_META } from '~/db/sync-meta'
import { sendPendingContacts, type ContactUploadSummary } from './contact-upload'
import { downloadServerPhotos, type PhotoDownloadSummary } from './photo-download'
import { uploadPendingPhotos, type PhotoUploadSummary } from './photo-upload'
import { pullChanges, type PullSummary } from './pull'
import { pushOutbox, type PushSummary } from './push'
import { SyncError, toSyncError, type SyncErrorCode } from './sync-error'
import { createSyncLock, type LockRunner } from './sync-lock'
import type { SyncTransport } from './transport'

/**
 * One sync round = push the signed-in user's outbox, then pull. Plain TypeScript:
 * the sync-status store mirrors `state`, the scheduler decides when to call syncNow().
 */
export type SyncPhase = 'disabled' | 'signed_out' | 'idle' | 'syncing' | 'error' | 'needs_sign_in'

export interface SyncState {
  phase: SyncPhase
  lastSuccessAt: string | null
  error: SyncErrorCode | null
}

export type RefreshOutcome = 'refreshed' | 'rejected' | 'offline'

/** What the engine needs from auth; the auth store provides it, tests fake it. */
export interface SyncAuth {
  /** The signed-in user whose mutations may be pushed, or null. */
  currentUserId(): Promise<string | null>
  refreshSession(): Promise<RefreshOutcome>
}

export type SyncOutcome =
  | { kind: 'synced'; push: PushSummary; pull: PullSummary; photos?: PhotoUploadSummary; contacts?: ContactUploadSummary; downloads?: PhotoDownloadSummary }
  /** Device-only mode, nobody signed in, or another tab is syncing right now. */
  | { kind: 'skipped'; reason: 'disabled' | 'signed_out' | 'busy' }
  | { kind: 'failed'; error: SyncError }
  | { kind: 'needs_sign_in' }

export interface SyncEngineOptions {
  db: SulCampoDb
  /** Null in device-only mode: the engine is inert and the outbox accumulates. */
  transport: SyncTransport | null
  auth: SyncAuth
  lock?: LockRunner
  now?: () => Date
  batchSize?: number
}

export interface SyncEngine {
  readonly state: Readonly<SyncState>
  subscribe(listener: (state: Readonly<SyncState>) => void): () => void
  /** Loads the last success time kept on the device. */
  load(): Promise<void>
  syncNow(): Promise<SyncOutcome>
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, transport, auth } = options
  const lock = options.lock ?? createSyncLock()
  const now = options.now ?? (() => new Date())
  const listeners = new Set<(state: Readonly<SyncState>) => void>()
  let state: SyncState = { phase: transport ? 'idle' : 'disabled', lastSuccessAt: null, error: null }

  function set(patch: Partial<SyncState>): void {
    state = { ...state, ...patch }
    for (const listener of listeners) listener(state)
  }

  async function round(userId: string): Promise<SyncOutcome> {
    const push = await pushOutbox(db, transport as SyncTransport, userId, { now, batchSize: options.batchSize })
    // Photos follow the entries just pushed; a failed upload waits for the next round, never fails this one.
    const photos = await uploadPendingPhotos(db, transport as SyncTransport, userId, now)
    const contacts = await sendPendingContacts(db, transport as SyncTransport, userId)
    const pull = await pullChanges(db, transport as SyncTransport)
    // Then photos taken on other devices, a few per round; a failed download never fails the round either.
    const downloads = await downloadServerPhotos(db, transport as SyncTransport, userId, now)
    return { kind: 'synced', push, pull, photos, contacts, downloads }
  }

  /** A 401 gets exactly one refresh and one more try; the outbox is never touched by auth trouble. */
  async function roundWithRefresh(userId: string): Promise<SyncOutcome> {
    try {
      return await round(userId)
    } catch (thrown) {
      const error = toSyncError(thrown)
      if (error.code !== 'unauthorized') throw error
      const refresh = await auth.refreshSession()
      if (refresh === 'offline') throw new SyncError('offline', 'Session refresh needs the network')
      if (refresh === 'rejected') return { kind: 'needs_sign_in' }
      try {
        return await round(userId)
      } catch (again) {
        const second = toSyncError(again)
        if (second.code === 'unauthorized') return { kind: 'needs_sign_in' }
        throw second
      }
    }
  }

  async function locked(): Promise<SyncOutcome> {
    try {
      const userId = await auth.currentUserId()
      if (!userId) {
        set({ phase: 'signed_out', error: null })
        return { kind: 'skipped', reason: 'signed_out' }
      }
      set({ phase: 'syncing' })
      const outcome = await roundWithRefresh(userId)
      if (outcome.kind === 'needs_sign_in') set({ phase: 'needs_sign_in', error: 'unauthorized' })
      else {
        const at = now().toISOString()
        await writeMeta(db, SYNC_META.lastSuccessAt, at)
        set({ phase: 'idle', error: null, lastSuccessAt: at })
      }
      return outcome
    } catch (thrown) {
      const error = toSyncError(thrown)
      set({ phase: 'error', error: error.code })
      return { kind: 'failed', error }
    }
  }

  return {
    get state() {
      return state
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async load() {
      set({ lastSuccessAt: await readLastSuccessAt(db) })
    },
    async syncNow() {
      if (!transport) return { kind: 'skipped', reason: 'disabled' }
      const result = await lock(locked)
      return result.ran ? result.value : { kind: 'skipped', reason: 'busy' }
    },
  }
}
