import { liveQuery } from 'dexie'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { appDatabase } from '~/db/app-database'
import type { PhotoRow } from '~/db/database'
import { photosOfEntry } from '~/db/photos-repo'
import { serverPhotosNotHere } from '~/db/server-photos-repo'

/** An entry's photos on this device, and how many the server holds that are not here yet. */
interface EntryPhotos {
  rows: PhotoRow[]
  notHere: number
}

const NONE: EntryPhotos = { rows: [], notHere: 0 }

/**
 * The photos of the entries on screen, live and per entry (the crew's list shows several at once):
 * when the sync round sends one, its status changes in place, and one taken on another device
 * appears once downloaded (until then it is counted as not on this device yet).
 */
export const useEntryPhotosStore = defineStore('entry-photos', () => {
  const photos = ref<Record<string, EntryPhotos>>({})

  /** Starts following one entry's photos; returns the stop function for when the view closes. */
  function follow(entryId: string): () => void {
    photos.value = { ...photos.value, [entryId]: NONE }
    const db = appDatabase()
    const subscription = liveQuery(() => Promise.all([photosOfEntry(db, entryId), serverPhotosNotHere(db, entryId)])).subscribe(
      ([rows, missing]) => (photos.value = { ...photos.value, [entryId]: { rows, notHere: missing.length } }),
    )
    return () => {
      subscription.unsubscribe()
      const { [entryId]: _, ...others } = photos.value
      photos.value = others
    }
  }

  const photosOf = (entryId: string): PhotoRow[] => photos.value[entryId]?.rows ?? []
  const notHereOf = (entryId: string): number => photos.value[entryId]?.notHere ?? 0

  return { photos, follow, photosOf, notHereOf }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useEntryPhotosStore, import.meta.hot))
