import { liveQuery, type Subscription } from 'dexie'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { appDatabase } from '~/db/app-database'
import type { NewPhoto } from '~/db/photos-repo'
import { actOnWorkOrder, reportsAssignedTo } from '~/db/work-orders-repo'
import type { WorkOrderProblems } from '~/domain/work-orders/codes'
import type { WorkerAction } from '~/domain/work-orders/lifecycle'
import { assignedRows } from './assigned'
import { problemsAfter, type QueueRow } from './queue'

export interface AssignedDeps {
  /** Called after each saved action, so a sync follows (the app's notifyLocalWrite). */
  afterWrite: () => void
  now: () => number
}

/**
 * The road crew's "assigned to me" on /campo (issue 13): read from the device, so it works
 * offline once a sync has brought the orders; start, resolve and hand back are checked by the
 * domain and saved with their outbox mutations, or refused with the reason and nothing changed.
 */
export const useAssignedStore = defineStore('work-orders-assigned', () => {
  const rows = ref<QueueRow[]>([])
  const problems = ref<Record<string, WorkOrderProblems>>({})
  const loaded = ref(false)
  let userId = ''
  let deps: AssignedDeps | null = null
  let following: Subscription | null = null

  /** Follows the user's orders: what a sync pulls (a new assignment) shows up without a reload. */
  function follow(forUser: string, withDeps: AssignedDeps): void {
    deps = withDeps
    userId = forUser
    following?.unsubscribe()
    following = liveQuery(() => reportsAssignedTo(appDatabase(), forUser)).subscribe((found) => {
      rows.value = assignedRows(found.reports, found.records, forUser, withDeps.now())
      loaded.value = true
    })
  }

  function stop(): void {
    following?.unsubscribe()
    following = null
  }

  /** True once saved with its photos; otherwise problems[reportId] says why and nothing changed. */
  async function act(reportId: string, action: WorkerAction, photos: NewPhoto[] = []): Promise<boolean> {
    // A worker's action asks only whether they are an assignee; managing the area plays no part.
    const context = { actor: { userId, managesArea: false }, areaMembers: new Set<string>() }
    const checked = await actOnWorkOrder(appDatabase(), reportId, action, context, { photos })
    problems.value = problemsAfter(problems.value, reportId, checked)
    if (checked.ok) deps?.afterWrite()
    return checked.ok
  }

  return { rows, problems, loaded, follow, stop, act }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAssignedStore, import.meta.hot))
