import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { appDatabase } from '~/db/app-database'
import { checkInstallMarker, renewInstallMarker, type MarkerStorage } from '~/db/install-marker'
import type { SulCampoDb } from '~/db/database'

/** localStorage, or nothing where the browser refuses it (then no loss can be told, and none is claimed). */
function markerStorage(): MarkerStorage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

/** Whether the browser cleared the app's database since the last start (see install-marker.ts). */
export const useStorageLostStore = defineStore('storage-lost', () => {
  const lost = ref(false)

  async function check(db: SulCampoDb = appDatabase(), storage: MarkerStorage | null = markerStorage()): Promise<void> {
    if (storage) lost.value = (await checkInstallMarker(db, storage)) === 'lost'
  }

  /** Said until the user has read it, on every start: a reload must not hide it. */
  async function acknowledge(db: SulCampoDb = appDatabase(), storage: MarkerStorage | null = markerStorage()): Promise<void> {
    if (storage) await renewInstallMarker(db, storage)
    lost.value = false
  }

  return { lost, check, acknowledge }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useStorageLostStore, import.meta.hot))
