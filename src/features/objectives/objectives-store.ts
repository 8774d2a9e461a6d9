import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AreaId } from '~/domain/areas'
import type { Objective } from '~/domain/objective'
import type { ObjectiveSetting } from '~/domain/plan-data'
import { AREAS, PISOGNE_OBJECTIVES, PISOGNE_PLAN } from '~/domain/catalogue'
import { appDatabase } from '~/db/app-database'
import { installCatalogue, listObjectives, objectiveSettingsById } from '~/db/objectives-repo'
import { groupByArea, inArea } from './group-by-area'
import { matchesSearch } from './objective-search'

export type AreaScope = 'mine' | 'all'
type LoadState = 'idle' | 'loading' | 'ready' | 'failed'

export const useObjectivesStore = defineStore('objectives', () => {
  const objectives = ref<Objective[]>([])
  const settings = ref<Map<string, ObjectiveSetting>>(new Map())
  const state = ref<LoadState>('idle')
  /** Kept in the store so the list looks the same when the user comes back from a detail page. */
  const query = ref('')
  const scope = ref<AreaScope>('all')

  /**
   * Installs the bundled catalogue on first start (or when a new app version changed it), then reads
   * Dexie. The managers' figures are read again on every visit: a sync may have brought new ones.
   */
  async function load(): Promise<void> {
    if (state.value === 'loading') return
    if (state.value === 'ready') return readSettings()
    state.value = 'loading'
    try {
      const db = appDatabase()
      await installCatalogue(db, PISOGNE_PLAN, PISOGNE_OBJECTIVES)
      objectives.value = await listObjectives(db, PISOGNE_PLAN.id)
      await readSettings()
      state.value = 'ready'
    } catch (error) {
      console.error('objectives: cannot load the catalogue', error)
      state.value = 'failed'
    }
  }

  async function readSettings(): Promise<void> {
    settings.value = await objectiveSettingsById(appDatabase())
  }

  /** The manager's baseline and target for an objective, null while none is set. */
  function settingOf(id: string): ObjectiveSetting | null {
    return settings.value.get(id) ?? null
  }

  function byId(id: string): Objective | undefined {
    return objectives.value.find((o) => o.id === id)
  }

  /** The list as shown: searched, narrowed to the user's area when asked, grouped by area. */
  function visibleGroups(ownArea: AreaId | null) {
    const narrowed = objectives.value.filter(
      (o) => matchesSearch(o, query.value) && (scope.value === 'all' || ownArea === null || inArea(o, ownArea)),
    )
    return groupByArea(AREAS, narrowed)
  }

  const total = computed(() => objectives.value.length)

  return { objectives, state, query, scope, total, load, byId, settingOf, visibleGroups }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useObjectivesStore, import.meta.hot))
