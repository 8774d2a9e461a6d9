import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AreaId } from '~/domain/areas'
import type { Entry } from '~/domain/entry'
import type { Objective } from '~/domain/objective'
import { AREAS, PISOGNE_PLAN } from '~/domain/catalogue'
import { computeAllProgress, entriesBehind, type Progress, type ProgressContext, type ProgressStatus } from '~/domain/progress'
import { appDatabase } from '~/db/app-database'
import { readDashboardSnapshot, readEntriesOf, type DashboardSnapshot } from '~/db/dashboard-queries'
import { measuredPeriod } from '~/domain/progress/period'
import { saveSetting } from '~/features/admin/plan-writes'
import { groupByArea } from '~/features/objectives/group-by-area'
import { catalogueReady } from './catalogue-ready'
import { canSee, type Viewer } from './visibility'

type LoadState = 'idle' | 'loading' | 'ready' | 'failed'

/** The monitoring year shown first: this year, kept inside the plan's years. */
export function defaultYear(now: Date, plan = PISOGNE_PLAN): number {
  return Math.min(Math.max(now.getFullYear(), plan.startYear), plan.endYear)
}

export const useDashboardStore = defineStore('dashboard', () => {
  /** shallowRef: the aggregates carry open reports and served routes, no need for deep proxies. */
  const snapshot = shallowRef<DashboardSnapshot | null>(null)
  const state = ref<LoadState>('idle')
  const now = ref(new Date())
  const year = ref(defaultYear(now.value))
  const areaFilter = ref<AreaId | 'all'>('all')
  const statusFilter = ref<ProgressStatus | 'all'>('all')
  const years = Array.from({ length: PISOGNE_PLAN.endYear - PISOGNE_PLAN.startYear + 1 }, (_, i) => PISOGNE_PLAN.startYear + i)

  /** Figures are summed for the period of the year shown: a change of year reads again. */
  async function load(viewer: Viewer): Promise<void> {
    if (state.value !== 'ready') state.value = 'loading'
    try {
      await catalogueReady()
      now.value = new Date()
      const windowOf = (o: Objective) => measuredPeriod(o.indicator, context.value)
      snapshot.value = await readDashboardSnapshot(appDatabase(), PISOGNE_PLAN.id, canSee(viewer), windowOf)
      state.value = 'ready'
    } catch (error) {
      console.error('dashboard: cannot read the device data', error)
      state.value = 'failed'
    }
  }

  const context = computed<ProgressContext>(() => ({
    now: now.value,
    year: year.value,
    plan: PISOGNE_PLAN,
    programmes: snapshot.value?.programmes ?? [],
    snowRoutes: snapshot.value?.snowRoutes ?? [],
    snowEvents: snapshot.value?.snowEvents ?? [],
  }))

  const progress = computed<Map<string, Progress>>(() => {
    const s = snapshot.value
    return s ? computeAllProgress(s.objectives, s.settings, [], context.value, s.aggregates) : new Map()
  })

  const objectives = computed(() => snapshot.value?.objectives ?? [])
  const areasShown = computed(() => AREAS.filter((a) => objectives.value.some((o) => o.areaId === a.id)))

  const groups = computed(() =>
    groupByArea(
      AREAS,
      objectives.value.filter(
        (o) => (areaFilter.value === 'all' || o.areaId === areaFilter.value) && (statusFilter.value === 'all' || progress.value.get(o.id)?.status === statusFilter.value),
      ),
    ),
  )

  const lastSyncAt = computed(() => snapshot.value?.lastSyncAt ?? null)

  /** What the filters show, in PIAO order: the rows of the exports. */
  const shown = computed(() => groups.value.flatMap((g) => g.objectives))
  const progressRows = computed(() => shown.value.flatMap((objective) => {
    const p = progress.value.get(objective.id)
    return p ? [{ objective, progress: p }] : []
  }))

  /** Every entry behind one objective's figure (same kinds and period), read row by row. */
  async function entriesOf(objective: Objective): Promise<Entry[]> {
    return entriesBehind(objective, await readEntriesOf(appDatabase(), objective.id), context.value)
  }

  /** The entries behind the figures shown, for the export. */
  async function shownEntries(): Promise<Entry[]> {
    return (await Promise.all(shown.value.map(entriesOf))).flat()
  }

  function settingOf(objectiveId: string) {
    return snapshot.value?.settings.find((x) => x.id === objectiveId)
  }

  /** The manager's note for the monitoring report, kept in the objective's settings. */
  async function saveNote(objectiveId: string, note: string, authorId: string): Promise<void> {
    const row = await saveSetting(settingOf(objectiveId), objectiveId, { note }, authorId)
    const s = snapshot.value
    if (s) snapshot.value = { ...s, settings: [...s.settings.filter((x) => x.id !== objectiveId), row] }
  }

  return { settingOf, saveNote, snapshot, state, now, year, years, areaFilter, statusFilter, context, progress, objectives, areasShown, groups, lastSyncAt, progressRows, load, entriesOf, shownEntries }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDashboardStore, import.meta.hot))
