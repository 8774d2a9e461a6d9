import { onBeforeUnmount, onMounted } from 'vue'
import { syncRuntime } from '~/sync/sync-runtime'

/** How often the dashboard asks for fresh data while it is on screen. */
export const DASHBOARD_REFRESH_MS = 60_000

/**
 * Managers look at figures, so the figures must be fresh: pull when the dashboard opens, when the
 * window gets focus again and on a timer while it is visible; `onSynced` re-reads the device data
 * each time a sync succeeds (in device-only mode the engine skips and nothing changes).
 */
export function useFreshness(onSynced: () => void): void {
  const { engine } = syncRuntime()
  let timer: ReturnType<typeof setInterval> | undefined
  let lastSeen = engine.state.lastSuccessAt

  const pull = () => {
    void engine.syncNow().catch((error: unknown) => console.warn('dashboard: sync failed', error))
  }
  const pullIfVisible = () => {
    if (document.visibilityState === 'visible') pull()
  }
  let unsubscribe = () => {}

  onMounted(() => {
    unsubscribe = engine.subscribe((state) => {
      if (state.lastSuccessAt !== lastSeen) {
        lastSeen = state.lastSuccessAt
        onSynced()
      }
    })
    pull()
    window.addEventListener('focus', pull)
    timer = setInterval(pullIfVisible, DASHBOARD_REFRESH_MS)
  })
  onBeforeUnmount(() => {
    unsubscribe()
    window.removeEventListener('focus', pull)
    clearInterval(timer)
  })
}
