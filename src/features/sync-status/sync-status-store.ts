import { liveQuery, type Subscription } from 'dexie'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { appDatabase } from '~/db/app-database'
import type { OutboxRow } from '~/db/database'
import { countQueued, discard as discardMutation, listQueued, requeue } from '~/db/outbox-repo'
import { writeMeta } from '~/db/meta-repo'
import { readConflicts, readConflictsSeenAt, resetCursor, SYNC_META, type ConflictRecord } from '~/db/sync-meta'
import { onNewVersionRequired } from '~/sync/new-version'
import { startSync, syncRuntime } from '~/sync/engine-runtime'
import type { SyncState } from '~/sync/engine'
import { newestConflictAt } from './conflict-notice'

/**
 * What the user sees of sync: network, what is still only on this device, the last
 * success, the current error; and the "needs attention" actions. Mirrors the engine
 * and the outbox (live), never talks to the server itself.
 */
const PENDING_LISTED = 100

export const useSyncStatusStore = defineStore('sync-status', () => {
  const state = ref<SyncState>(syncRuntime().engine.state)
  // Followed from the store's creation, not from start(): a page that reads `online` before the
  // status bar mounts (the bar is loaded after the route) must still see the network drop.
  const online = ref(globalThis.navigator?.onLine ?? true)
  globalThis.addEventListener?.('online', () => (online.value = true))
  globalThis.addEventListener?.('offline', () => (online.value = false))
  const counts = ref({ pending: 0, rejected: 0 })
  const queued = ref<OutboxRow[]>([])
  const conflicts = ref<ConflictRecord[]>([])
  const conflictsSeenAt = ref<string | null>(null)
  const newVersion = ref(false)
  const subscriptions: Subscription[] = []
  let started = false

  const pending = computed(() => queued.value.filter((row) => row.state === 'pending'))
  const rejected = computed(() => queued.value.filter((row) => row.state === 'rejected'))
  /** Pending changes beyond what the page lists (a tablet offline for days can hold thousands). */
  const pendingNotListed = computed(() => counts.value.pending - pending.value.length)

  /** Idempotent; the status bar calls it when mounted, which also starts the sync scheduler. */
  async function start(): Promise<void> {
    if (started) return
    started = true
    const db = appDatabase()
    syncRuntime().engine.subscribe((next) => (state.value = next))
    onNewVersionRequired(() => (newVersion.value = true))
    subscriptions.push(liveQuery(() => countQueued(db)).subscribe((next) => (counts.value = next)))
    subscriptions.push(liveQuery(() => readConflicts(db)).subscribe((rows) => (conflicts.value = rows.slice().reverse())))
    subscriptions.push(liveQuery(() => readConflictsSeenAt(db)).subscribe((at) => (conflictsSeenAt.value = at)))
    await startSync()
  }

  /** The status page's live list; returns the stop function for when the page closes. */
  function watchQueue(): () => void {
    const subscription = liveQuery(() => listQueued(appDatabase(), PENDING_LISTED)).subscribe((rows) => (queued.value = rows))
    return () => subscription.unsubscribe()
  }

  /** Every conflict recorded so far stops raising the bar's notice. */
  async function markConflictsSeen(): Promise<void> {
    const newest = newestConflictAt(await readConflicts(appDatabase()))
    if (newest) await writeMeta(appDatabase(), SYNC_META.conflictsSeenAt, newest)
  }

  function syncNow(): Promise<unknown> {
    return syncRuntime().scheduler.requestSync('manual')
  }

  async function retry(mutationId: string): Promise<void> {
    await requeue(appDatabase(), mutationId)
    void syncNow()
  }

  /** After discarding a change the server had a copy of, re-read everything to get that copy back. */
  async function discard(mutationId: string): Promise<void> {
    const { needsRepull } = await discardMutation(appDatabase(), mutationId)
    if (needsRepull) {
      await resetCursor(appDatabase())
      void syncNow()
    }
  }

  return { state, online, counts, queued, pending, rejected, pendingNotListed, conflicts, conflictsSeenAt, newVersion, start, watchQueue, markConflictsSeen, syncNow, retry, discard }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSyncStatusStore, import.meta.hot))
