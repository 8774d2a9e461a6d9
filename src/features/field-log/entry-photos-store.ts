import { liveQuery } from 'dexie'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { appDatabase } from '~/db/app-database'
import type { PhotoRow } from '~/db/database'
import { photosOfEntry } from '~/db/photos-repo'

/**
 * The photos of the entries on screen, live and per entry (the crew's list shows several at once):
 * when the sync round sends one, its status changes in place.
 */
export const useEntryPhotosStore = defineStore('entry-photos', () => {
  const photos = ref<Record<string, PhotoRow[]>>({})

  /** Starts following one entry's photos; returns the stop function for when the view closes. */
  function follow(entryId: string): () => void {
    photos.value = { ...photos.value, [entryId]: [] }
    const subscription = liveQuery(() => photosOfEntry(appDatabase(), entryId)).subscribe((rows) => (photos.value = { ...photos.value, [entryId]: rows }))
    return () => {
      subscription.unsubscribe()
      const { [entryId]: _, ...others } = photos.value
      photos.value = others
    }
  }

  const photosOf = (entryId: string): PhotoRow[] => photos.value[entryId] ?? []

  return { photos, follow, photosOf }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useEntryPhotosStore, import.meta.hot))
