import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { appDatabase } from '~/db/app-database'
import { readEntriesOf } from '~/db/dashboard-queries'
import { catalogueReady } from '../catalogue-ready'
import { canSee, type Viewer } from '../visibility'
import { LOCATED_KINDS, locatedItems, type LocatedItem } from './located-items'

/** The located entries of the objectives the viewer may see, read from the device only. */
export const useEntriesMapStore = defineStore('dashboard-map', () => {
  const items = shallowRef<LocatedItem[]>([])
  const state = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')

  async function load(viewer: Viewer, now = new Date()): Promise<void> {
    if (state.value !== 'ready') state.value = 'loading'
    try {
      const visible = canSee(viewer)
      const objectives = (await catalogueReady()).filter(
        (o) => visible(o) && o.indicator.entryKinds.some((kind) => LOCATED_KINDS.includes(kind)),
      )
      const entries = await Promise.all(objectives.map((o) => readEntriesOf(appDatabase(), o.id)))
      items.value = locatedItems(entries.flat(), now)
      state.value = 'ready'
    } catch (error) {
      console.error('dashboard map: cannot read the device data', error)
      state.value = 'failed'
    }
  }

  return { items, state, load }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useEntriesMapStore, import.meta.hot))
