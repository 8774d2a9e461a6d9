import { liveQuery } from 'dexie'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { appDatabase } from '~/db/app-database'
import type { PhotoRow } from '~/db/database'
import { photosOfEntry } from '~/db/photos-repo'

/** The photos of the entry on screen, live: when the sync round sends one, its status changes in place. */
export const useEntryPhotosStore = defineStore('entry-photos', () => {
  const photos = ref<PhotoRow[]>([])

  /** Starts following one entry's photos; returns the stop function for when the view closes. */
  function follow(entryId: string): () => void {
    photos.value = []
    const subscription = liveQuery(() => photosOfEntry(appDatabase(), entryId)).subscribe((rows) => (photos.value = rows))
    return () => subscription.unsubscribe()
  }

  return { photos, follow }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useEntryPhotosStore, import.meta.hot))
