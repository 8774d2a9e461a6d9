import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { useRegisterSW } from 'virtual:pwa-register/vue'
import { appDatabase } from '~/db/app-database'
import { closeOnVersionChange, onNewVersionRequired } from '~/sync/new-version'
import { hasUnsavedInput } from './unsaved-guard'
import { checkForUpdate, UPDATE_CHECK_INTERVAL_MS } from './update-check'

/** How long the "ready to work offline" notice stays: long enough to read, then it clears itself. */
export const OFFLINE_NOTICE_MS = 8_000

/** The app's service worker: update prompt state, offline readiness, hourly update checks. */
export const useServiceWorkerStore = defineStore('service-worker', () => {
  /** A new worker took control while a form had unsaved input: reload as soon as it is saved or discarded. */
  const reloadDeferred = ref(false)
  /** The one-time "ready to work offline" notice, shown when the first install completes. */
  const offlineNotice = ref(false)
  /**
   * Another tab upgraded the database: this tab's connection is closed and cannot reopen at its
   * old version, so nothing here can be saved any more; only a reload helps, even over a dirty form
   * (its draft was autosaved while the database was open).
   */
  const databaseUpgraded = ref(false)
  // Installed here, not only by the sync engine: device-only mode never starts the engine.
  closeOnVersionChange(appDatabase())
  onNewVersionRequired(() => (databaseUpgraded.value = true))

  const { needRefresh, offlineReady, updateServiceWorker } = useRegisterSW({
    onOfflineReady: () => (offlineNotice.value = true),
    onRegisteredSW(_url, registration) {
      if (!registration) return
      setInterval(() => void checkForUpdate(registration, navigator.onLine), UPDATE_CHECK_INTERVAL_MS)
    },
    // Never reload over unsaved input, even if another tab accepted the update.
    onNeedReload() {
      if (hasUnsavedInput.value) reloadDeferred.value = true
      else window.location.reload()
    },
  })
  // A returning visit never gets the install event: a controlling worker means the shell is cached.
  if (globalThis.navigator?.serviceWorker?.controller) offlineReady.value = true

  let noticeTimer: ReturnType<typeof setTimeout> | undefined
  watch(offlineNotice, (shown) => {
    clearTimeout(noticeTimer)
    if (shown) noticeTimer = setTimeout(() => (offlineNotice.value = false), OFFLINE_NOTICE_MS)
  })

  watch(hasUnsavedInput, (dirty) => {
    if (!dirty && reloadDeferred.value) window.location.reload()
  })

  async function update(): Promise<void> {
    if (databaseUpgraded.value) return window.location.reload()
    if (hasUnsavedInput.value) return
    if (reloadDeferred.value) window.location.reload()
    else await updateServiceWorker()
  }

  function postpone(): void {
    needRefresh.value = false
  }

  return { needRefresh, offlineReady, offlineNotice, reloadDeferred, databaseUpgraded, update, postpone }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useServiceWorkerStore, import.meta.hot))
