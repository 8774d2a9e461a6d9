import { liveQuery, type Subscription } from 'dexie'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { appDatabase } from '~/db/app-database'
import { actOnWorkOrder, areaReports } from '~/db/work-orders-repo'
import type { AreaId } from '~/domain/areas'
import type { WorkOrderProblems } from '~/domain/work-orders/codes'
import type { ManagerAction } from '~/domain/work-orders/lifecycle'
import type { Stage } from '~/domain/work-orders/work-order'
import { useProfileStore } from '~/features/profile/profile-store'
import type { ProfileRow } from '~/sync/profiles-api'
import { areaCrew } from './crew'
import { queueCounts, queueRows, type QueueRow } from './queue'

export interface TriageDeps {
  fetchProfiles: () => Promise<ProfileRow[]>
  /** Called after each saved action, so a sync follows (the app's notifyLocalWrite). */
  afterWrite: () => void
  now: () => number
}

/**
 * The area manager's queue of maintenance reports (issue 13): read from the device, so it works
 * offline; each triage is checked by the domain and saved with its outbox mutation, or refused
 * with the reason and nothing changed.
 */
export const useTriageStore = defineStore('work-orders-triage', () => {
  const rows = ref<QueueRow[]>([])
  const crew = ref<ProfileRow[]>([])
  const area = ref<AreaId | null>(null)
  const stage = ref<Stage>('new')
  const problems = ref<Record<string, WorkOrderProblems>>({})
  const loaded = ref(false)
  let deps: TriageDeps | null = null
  let following: Subscription | null = null

  const counts = computed(() => queueCounts(rows.value))
  const shown = computed(() => rows.value.filter((row) => row.stage === stage.value))

  function show(found: Awaited<ReturnType<typeof areaReports>>): void {
    rows.value = queueRows(found.reports, found.records, deps?.now() ?? Date.now())
  }

  async function refresh(): Promise<void> {
    if (area.value) show(await areaReports(appDatabase(), area.value))
  }

  /**
   * Reads the area's queue and follows it: what a sync pulls shows up without a reload. The
   * first answer of the live query is the first read (reading before subscribing read it twice).
   */
  async function load(forArea: AreaId, withDeps: TriageDeps): Promise<void> {
    deps = withDeps
    area.value = forArea
    following?.unsubscribe()
    const firstRead = new Promise<void>((resolve, reject) => {
      following = liveQuery(() => areaReports(appDatabase(), forArea)).subscribe({
        next: (found) => {
          show(found)
          resolve()
        },
        error: reject,
      })
    })
    const [, people] = await Promise.all([firstRead, areaCrew(appDatabase(), forArea, withDeps.fetchProfiles)])
    crew.value = people
    loaded.value = true
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
    const { [reportId]: _, ...others } = problems.value
    problems.value = checked.ok ? others : { ...others, [reportId]: checked.problems }
    if (!checked.ok) return false
    deps?.afterWrite()
    await refresh()
    return true
  }

  const nameOf = (userId: string) => crew.value.find((p) => p.id === userId)?.displayName ?? userId

  return { rows, crew, area, stage, problems, loaded, counts, shown, load, stop, refresh, act, nameOf }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useTriageStore, import.meta.hot))
