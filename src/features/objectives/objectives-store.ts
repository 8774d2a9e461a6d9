import { liveQuery, type Subscription } from 'dexie'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AreaId } from '~/domain/areas'
import type { Objective } from '~/domain/objective'
import type { ObjectiveSetting } from '~/domain/plan-data'
import { defaultPlan, isPublished } from '~/domain/plan'
import { inPlanOrder } from '~/domain/objective-for-kind'
import { romeDate } from '~/domain/time-rome'
import { appDatabase } from '~/db/app-database'
import type { PlanRow, SulCampoDb } from '~/db/database'
import { objectiveSettingsById, readPlanCatalogue } from '~/db/objectives-repo'
import { readCursor } from '~/db/sync-meta'
import { isSyncConfigured } from '~/sync/sync-config'
import { installBundledPlan } from './bundled-plan'
import { groupByArea, inArea } from './group-by-area'
import { matchesSearch } from './objective-search'

export type AreaScope = 'mine' | 'all'
type LoadState = 'idle' | 'loading' | 'ready' | 'failed'
/** What the device can show: a plan, nothing until a first sync, or no plan adopted at all. */
export type PlanAvailability = 'ready' | 'needs_sync' | 'no_plan'

/**
 * The cursor matters only while the device has no plan (has it pulled yet?); not reading it then
 * keeps the live query from running again on every page of every pull.
 */
async function readCatalogueAndCursor(db: SulCampoDb) {
  const catalogue = await readPlanCatalogue(db)
  return { ...catalogue, pulledOnce: catalogue.plans.length > 0 || (await readCursor(db)) !== null }
}

/**
 * The plans and objectives this device caches (docs/plans.md, "Device"), kept live: a sync that
 * brings a new plan shows at once. Also the plan the user picked, shared by the list, the
 * dashboard and the report.
 */
export const useObjectivesStore = defineStore('objectives', () => {
  const plans = shallowRef<PlanRow[]>([])
  const allObjectives = shallowRef<Objective[]>([])
  const pulledOnce = ref(false)
  const settings = ref<Map<string, ObjectiveSetting>>(new Map())
  const state = ref<LoadState>('idle')
  /** Kept in the store so the list looks the same when the user comes back from a detail page. */
  const query = ref('')
  const scope = ref<AreaScope>('all')
  const chosenPlanId = ref<string | null>(null)
  const today = ref(romeDate(new Date()))
  let subscription: Subscription | undefined
  let loading: Promise<void> | undefined

  /** Adopted and superseded plans, the latest first: what the pickers offer. */
  const publishedPlans = computed(() => plans.value.filter(isPublished).sort((a, b) => b.inForceFrom!.localeCompare(a.inForceFrom!)))
  const plan = computed<PlanRow | undefined>(
    () => publishedPlans.value.find((p) => p.id === chosenPlanId.value) ?? defaultPlan(publishedPlans.value, today.value),
  )
  /** The objectives of the plan shown, in the plan's order. */
  const objectives = computed(() => {
    const shown = plan.value
    return shown ? inPlanOrder(allObjectives.value.filter((o) => o.planId === shown.id), shown) : []
  })
  const availability = computed<PlanAvailability>(() => {
    if (publishedPlans.value.length > 0) return 'ready'
    return isSyncConfigured() && !pulledOnce.value ? 'needs_sync' : 'no_plan'
  })

  /**
   * Installs the bundled plan where this build runs on it, then follows the cached plans. The
   * managers' figures are read again on every visit: a sync may have brought new ones.
   */
  function load(): Promise<void> {
    today.value = romeDate(new Date())
    if (state.value === 'ready') return readSettings()
    loading ??= start().finally(() => (loading = undefined))
    return loading
  }

  async function start(): Promise<void> {
    state.value = 'loading'
    try {
      const db = appDatabase()
      await installBundledPlan(db)
      await new Promise<void>((resolve, reject) => {
        subscription?.unsubscribe()
        subscription = liveQuery(() => readCatalogueAndCursor(db)).subscribe({
          next: (read) => {
            plans.value = read.plans
            allObjectives.value = read.objectives
            pulledOnce.value = read.pulledOnce
            resolve()
          },
          error: reject,
        })
      })
      await readSettings()
      state.value = 'ready'
    } catch (error) {
      console.error('objectives: cannot load the plans', error)
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

  /** Any cached objective, of any plan: those of superseded plans stay readable. */
  function byId(id: string): Objective | undefined {
    return allObjectives.value.find((o) => o.id === id)
  }

  function planOf(objective: Objective): PlanRow | undefined {
    return plans.value.find((p) => p.id === objective.planId)
  }

  function choosePlan(id: string): void {
    chosenPlanId.value = id
  }

  /** The list as shown: searched, narrowed to the user's area when asked, grouped by area. */
  function visibleGroups(ownArea: AreaId | null) {
    const narrowed = objectives.value.filter(
      (o) => matchesSearch(o, query.value) && (scope.value === 'all' || ownArea === null || inArea(o, ownArea)),
    )
    return groupByArea(plan.value?.areas ?? [], narrowed)
  }

  const total = computed(() => objectives.value.length)

  return {
    plans, allObjectives, publishedPlans, plan, objectives, availability, state, query, scope, total, today,
    load, byId, planOf, choosePlan, settingOf, visibleGroups,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useObjectivesStore, import.meta.hot))
