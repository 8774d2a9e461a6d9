import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { RpcErrorCode } from '~/sync/server-rpc'
import type { PublishedSnapshot, SnapshotSummary } from './snapshot'
import { fetchSnapshot, fetchSnapshotList, ServerRpcError } from './transparency-api'

/**
 * - none: nothing published yet; not_found: the link names no snapshot (the list still shows);
 * - failed: no answer (offline, no server, a failure), `failure` says which.
 */
export type PageState = 'idle' | 'loading' | 'ready' | 'none' | 'not_found' | 'failed'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * What the public page shows (docs/transparency.md): one published snapshot, the latest without
 * an id, and the list of every snapshot. It reads the two public RPCs only, never the device's
 * own data, so a signed-out visitor and an admin see the same page.
 */
export const useTransparencyStore = defineStore('transparency', () => {
  const state = ref<PageState>('idle')
  const failure = ref<RpcErrorCode | null>(null)
  const snapshot = shallowRef<PublishedSnapshot | null>(null)
  const list = shallowRef<SnapshotSummary[]>([])
  /** The latest call wins: following a link from the list while the first answer is on its way. */
  let latestCall = 0

  async function show(snapshotId: string | null): Promise<void> {
    const call = ++latestCall
    state.value = 'loading'
    failure.value = null
    // A link that is not a snapshot id is no snapshot; the server would only answer an error.
    const wanted = snapshotId !== null && !UUID.test(snapshotId) ? Promise.resolve(null) : fetchSnapshot(snapshotId)
    try {
      const [found, all] = await Promise.all([wanted, fetchSnapshotList()])
      if (call !== latestCall) return
      snapshot.value = found
      list.value = all
      state.value = found ? 'ready' : snapshotId === null ? 'none' : 'not_found'
    } catch (error) {
      if (!(error instanceof ServerRpcError)) throw error
      if (call !== latestCall) return
      snapshot.value = null
      failure.value = error.code
      state.value = 'failed'
    }
  }

  return { state, failure, snapshot, list, show }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useTransparencyStore, import.meta.hot))
