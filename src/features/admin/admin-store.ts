import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AreaId } from '~/domain/areas'
import type { Entry } from '~/domain/entry'
import type { Objective } from '~/domain/objective'
import type { ObjectiveSetting, SnowRoute } from '~/domain/plan-data'
import { appDatabase } from '~/db/app-database'
import { readPlanData, type PlanDataSnapshot } from '~/db/dashboard-queries'
import { catalogueReady } from '~/features/dashboard/catalogue-ready'
import { useObjectivesStore } from '~/features/objectives/objectives-store'
import { lockEntry, saveProgramme, saveRoute, saveSetting } from './plan-writes'

type LoadState = 'idle' | 'loading' | 'ready' | 'failed'

/** Objectives whose baseline or target the PIAO leaves to the office. */
export function needsManagerFigures(o: Objective): boolean {
  const i = o.indicator
  return i.baseline.source === 'manager' || (i.target === null && i.relativeIncreasePct === null && i.kind !== 'no_findings')
}

/** Objectives measured against a monthly programme (evening shifts). */
export function hasMonthlyProgramme(o: Objective): boolean {
  return o.indicator.kind === 'completion' && o.indicator.entryKinds.includes('evening_shift')
}

export const useAdminStore = defineStore('admin', () => {
  const area = ref<AreaId | null>(null)
  const data = shallowRef<PlanDataSnapshot>({ settings: [], programmes: [], snowRoutes: [], toReview: [] })
  const state = ref<LoadState>('idle')
  const objectives = computed(() => useObjectivesStore().objectives.filter((o) => o.areaId === area.value))

  async function load(areaId: AreaId): Promise<void> {
    area.value = areaId
    state.value = 'loading'
    try {
      await catalogueReady()
      data.value = await readPlanData(appDatabase(), objectives.value.map((o) => o.id))
      state.value = 'ready'
    } catch (error) {
      console.error('admin: cannot read the plan data', error)
      state.value = 'failed'
    }
  }

  function replace<K extends 'settings' | 'programmes' | 'snowRoutes'>(key: K, row: PlanDataSnapshot[K][number]): void {
    const rows = (data.value[key] as { id: string }[]).filter((r) => r.id !== row.id)
    data.value = { ...data.value, [key]: [...rows, row] }
  }

  const settingOf = (id: string) => data.value.settings.find((s) => s.id === id)
  const programmeOf = (objectiveId: string, month: string) => data.value.programmes.find((p) => p.objectiveId === objectiveId && p.month === month)

  async function setFigures(objectiveId: string, patch: Pick<ObjectiveSetting, 'baselineValue' | 'target'>, authorId: string) {
    replace('settings', await saveSetting(settingOf(objectiveId), objectiveId, patch, authorId))
  }

  async function setProgramme(objectiveId: string, month: string, planned: number, authorId: string) {
    const current = programmeOf(objectiveId, month)
    if (current?.planned === planned || (!current && planned === 0)) return
    replace('programmes', await saveProgramme(current, objectiveId, month, planned, authorId))
  }

  async function setRoute(current: SnowRoute | undefined, patch: Pick<SnowRoute, 'name' | 'description' | 'priority' | 'active'>, authorId: string) {
    replace('snowRoutes', await saveRoute(current, patch, authorId))
  }

  async function lock(entry: Entry, authorId: string) {
    await lockEntry(entry, authorId)
    data.value = { ...data.value, toReview: data.value.toReview.filter((e) => e.id !== entry.id) }
  }

  const routes = computed(() => [...data.value.snowRoutes].sort((a, b) => a.priority - b.priority))

  return { area, data, state, objectives, routes, load, settingOf, programmeOf, setFigures, setProgramme, setRoute, lock }
})


if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdminStore, import.meta.hot))
