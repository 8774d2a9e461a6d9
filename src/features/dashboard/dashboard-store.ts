import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { AreaId } from '~/domain/areas'
import type { Entry } from '~/domain/entry'
import type { Objective } from '~/domain/objective'
import { defaultPlanYear, planYears } from '~/domain/plan'
import { computeAllProgress, entriesBehind, type Progress, type ProgressContext, type ProgressStatus } from '~/domain/progress'
import { appDatabase } from '~/db/app-database'
import { readDashboardSnapshot, readEntriesOf, type DashboardSnapshot } from '~/db/dashboard-queries'
import { measuredPeriod } from '~/domain/progress/period'
import { saveSetting } from '~/features/admin/plan-writes'
import { groupByArea } from '~/features/objectives/group-by-area'
import { useObjectivesStore } from '~/features/objectives/objectives-store'
import { catalogueReady } from './catalogue-ready'
import { canSee, type Viewer } from './visibility'

type LoadState = 'idle' | 'loading' | 'ready' | 'failed'

/**
 * The figures of one plan (the one picked in the objectives store, by default the plan in force
 * today) for one of its years (by default this year).
 */
export const useDashboardStore = defineStore('dashboard', () => {
  const catalogue = useObjectivesStore()
  /** shallowRef: the aggregates carry open reports and served routes, no need for deep proxies. */
  const snapshot = shallowRef<DashboardSnapshot | null>(null)
  const state = ref<LoadState>('idle')
  const now = ref(new Date())
  const plan = computed(() => catalogue.plan)
  const years = computed(() => (plan.value ? planYears(plan.value, catalogue.today) : []))
  const year = ref(now.value.getFullYear())
  const areaFilter = ref<AreaId | 'all'>('all')
  const statusFilter = ref<ProgressStatus | 'all'>('all')
  // Another plan opens on its own default year, and the filters on all its areas.
  watch(
    () => plan.value?.id,
    () => {
      if (plan.value) year.value = defaultPlanYear(plan.value, catalogue.today)
      areaFilter.value = 'all'
    },
    { immediate: true },
  )

  /** Figures are summed for the period of the year shown: a change of plan or year reads again. */
  async function load(viewer: Viewer): Promise<void> {
    if (state.value !== 'ready') state.value = 'loading'
    try {
      await catalogueReady()
      now.value = new Date()
      const windowOf = (o: Objective) => measuredPeriod(o.indicator, context.value)
      snapshot.value = await readDashboardSnapshot(appDatabase(), plan.value?.id ?? '', canSee(viewer), windowOf)
      state.value = 'ready'
    } catch (error) {
      console.error('dashboard: cannot read the device data', error)
      state.value = 'failed'
    }
  }

  const context = computed<ProgressContext>(() => ({
    now: now.value,
    year: year.value,
    plan: plan.value ?? { startYear: year.value, endYear: year.value },
    programmes: snapshot.value?.programmes ?? [],
    snowRoutes: snapshot.value?.snowRoutes ?? [],
    snowEvents: snapshot.value?.snowEvents ?? [],
  }))

  const progress = computed<Map<string, Progress>>(() => {
    const s = snapshot.value
    return s ? computeAllProgress(s.objectives, s.settings, [], context.value, s.aggregates) : new Map()
  })

  const objectives = computed(() => snapshot.value?.objectives ?? [])
  const areas = computed(() => plan.value?.areas ?? [])
  const areasShown = computed(() => areas.value.filter((a) => objectives.value.some((o) => o.areaId === a.id)))

  const groups = computed(() =>
    groupByArea(
      areas.value,
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

  return { settingOf, saveNote, snapshot, state, now, plan, year, years, areaFilter, statusFilter, context, progress, objectives, areasShown, groups, lastSyncAt, progressRows, load, entriesOf, shownEntries }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDashboardStore, import.meta.hot))
