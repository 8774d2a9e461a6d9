import { liveQuery, type Subscription } from 'dexie'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { appDatabase } from '~/db/app-database'
import { readQueue, type QueueRead } from '~/db/triage-queue-read'
import { actOnWorkOrder } from '~/db/work-orders-repo'
import type { AreaId } from '~/domain/areas'
import type { WorkOrderProblems } from '~/domain/work-orders/codes'
import type { ManagerAction } from '~/domain/work-orders/lifecycle'
import type { Stage } from '~/domain/work-orders/work-order'
import { useProfileStore } from '~/features/profile/profile-store'
import type { ProfileRow } from '~/sync/profiles-api'
import { areaCrew } from './crew'
import { problemsAfter, queueCounts, queueRows, rowsOfStage, type QueueRow } from './queue'

export interface TriageDeps {
  fetchProfiles: () => Promise<ProfileRow[]>
  /** Called after each saved action, so a sync follows (the app's notifyLocalWrite). */
  afterWrite: () => void
  now: () => number
}

/** Cards shown at first and added by each "show more": a page paints fast, and no card is out of reach. */
export const PAGE_SIZE = 25
/** Resolved reports offered as a duplicate's original, newest first, besides the open work. */
const ORIGINALS_RESOLVED = 100

/**
 * The area manager's queue of maintenance reports (issue 13): read from the device, so it works
 * offline; each triage is checked by the domain and saved with its outbox mutation, or refused
 * with the reason and nothing changed. It holds the open work and declined orders whole, and of
 * the resolved ones only the page asked for (docs: src/db/triage-queue-read.ts).
 */
export const useTriageStore = defineStore('work-orders-triage', () => {
  // Shallow: rows are replaced whole by each read, never edited in place, so Vue need not
  // wrap thousands of reports in proxies.
  const rows = shallowRef<QueueRow[]>([])
  const resolvedCount = ref(0)
  const crew = ref<ProfileRow[]>([])
  const area = ref<AreaId | null>(null)
  const stage = ref<Stage>('new')
  const shownLimit = ref(PAGE_SIZE)
  const originalsWanted = ref(false)
  const problems = ref<Record<string, WorkOrderProblems>>({})
  const loaded = ref(false)
  let deps: TriageDeps | null = null
  let following: Subscription | null = null

  const counts = computed(() => {
    const counted = queueCounts(rows.value)
    return { ...counted, byStage: { ...counted.byStage, resolved: resolvedCount.value } }
  })
  const ofStage = computed(() => rowsOfStage(rows.value, stage.value))
  const shown = computed(() => ofStage.value.slice(0, shownLimit.value))
  const hidden = computed(() => (stage.value === 'resolved' ? resolvedCount.value : ofStage.value.length) - shown.value.length)
  const resolvedLimit = computed(() => Math.max(stage.value === 'resolved' ? shownLimit.value : 0, originalsWanted.value ? ORIGINALS_RESOLVED : 0))

  function show(found: QueueRead): void {
    rows.value = queueRows(found.reports, found.records, deps?.now() ?? Date.now())
    resolvedCount.value = found.resolvedCount
  }

  /**
   * Follows the area's queue: what a sync pulls shows up without a reload. Resolves on the first
   * answer, which is the first read (reading before subscribing read it twice).
   */
  function follow(forArea: AreaId, limit: number): Promise<void> {
    following?.unsubscribe()
    return new Promise<void>((resolve, reject) => {
      following = liveQuery(() => readQueue(appDatabase(), forArea, limit)).subscribe({
        next: (found) => {
          show(found)
          resolve()
        },
        error: reject,
      })
    })
  }

  async function refresh(): Promise<void> {
    if (area.value) show(await readQueue(appDatabase(), area.value, resolvedLimit.value))
  }

  /** Shows the queue as soon as it is read; the crew (asked of the server, else cached) follows. */
  async function load(forArea: AreaId, withDeps: TriageDeps): Promise<void> {
    deps = withDeps
    area.value = forArea
    const people = areaCrew(appDatabase(), forArea, withDeps.fetchProfiles).then((found) => (crew.value = found))
    await follow(forArea, resolvedLimit.value)
    loaded.value = true
    await people
  }

  watch(stage, () => (shownLimit.value = PAGE_SIZE))
  watch(resolvedLimit, (limit) => {
    if (area.value && following) void follow(area.value, limit)
  })

  function showMore(): void {
    shownLimit.value += PAGE_SIZE
  }

  /** A card is choosing a duplicate's original: recent resolved reports join the choice. */
  function wantOriginals(): void {
    originalsWanted.value = true
  }

  function stop(): void {
    following?.unsubscribe()
    following = null
  }

  /** True once saved; otherwise problems[reportId] says why and nothing changed. */
  async function act(reportId: string, action: ManagerAction): Promise<boolean> {
    const profile = useProfileStore()
    const actor = { userId: profile.userId ?? '', managesArea: profile.role === 'admin' || (profile.role === 'manager' && profile.areaId === area.value) }
    const checked = await actOnWorkOrder(appDatabase(), reportId, action, { actor, areaMembers: new Set(crew.value.map((p) => p.id)) })
    problems.value = problemsAfter(problems.value, reportId, checked)
    if (!checked.ok) return false
    deps?.afterWrite()
    await refresh()
    return true
  }

  const nameOf = (userId: string) => crew.value.find((p) => p.id === userId)?.displayName ?? userId

  return { rows, crew, area, stage, problems, loaded, counts, shown, hidden, load, stop, refresh, act, showMore, wantOriginals, nameOf }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useTriageStore, import.meta.hot))
