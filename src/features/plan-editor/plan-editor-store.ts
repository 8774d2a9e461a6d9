import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { catalogueOf } from '~/domain/catalogue/catalogue-of'
import { defaultNextYears, newDraftFrom, nextPlanId } from '~/domain/catalogue/draft-copy'
import { draftOf, type PlanDraft } from '~/domain/catalogue/draft-edit'
import type { Catalogue } from '~/domain/catalogue'
import { defaultPlan } from '~/domain/plan'
import { useObjectivesStore } from '~/features/objectives/objectives-store'
import { syncRuntime } from '~/sync/engine-runtime'
import {
  adoptPlan, deletePlanDraft, importPlan, ServerRpcError,
  type AdoptAnswer, type Adoption, type PlanProblem, type PlansErrorCode,
} from '~/sync/plans-api'

/** Why a call to the server changed nothing, as a code the page translates. */
export type EditorFailure = PlansErrorCode | 'invalid' | 'no_plan_in_force' | 'not_found' | 'plan_not_draft'

/**
 * The admin's plan editor (docs/plans.md, "Editor"): one draft at a time, edited in memory with
 * the domain's draft operations (each re-validates), sent whole to `import_plan` on save. The
 * server is the only place a draft lives: after each call a sync brings the device's cache in line.
 */
export const usePlanEditorStore = defineStore('planEditor', () => {
  const draft = shallowRef<PlanDraft | null>(null)
  /** The server's own findings on the last save (ids used by another plan, carry-overs). */
  const serverProblems = shallowRef<PlanProblem[]>([])
  const failure = ref<EditorFailure | null>(null)
  const busy = ref(false)
  const dirty = ref(false)
  const savedObjectives = ref<number | null>(null)

  const catalogue = useObjectivesStore()
  const drafts = computed(() => catalogue.plans.filter((p) => p.status === 'draft'))

  function reset(next: PlanDraft | null): void {
    draft.value = next
    serverProblems.value = []
    failure.value = null
    dirty.value = false
    savedObjectives.value = null
  }

  function cataloguedPlan(planId: string): Catalogue | null {
    const record = catalogue.plans.find((p) => p.id === planId)
    return record ? catalogueOf(record, catalogue.allObjectives) : null
  }

  /** Opens a cached draft; false when this device holds no such draft (not pulled yet, or gone). */
  function open(planId: string): boolean {
    if (draft.value?.catalogue.plan.id === planId) return true
    const found = drafts.value.some((p) => p.id === planId) ? cataloguedPlan(planId) : null
    reset(found && draftOf(found))
    return found !== null
  }

  function edit(change: (current: PlanDraft) => PlanDraft): void {
    if (!draft.value) return
    draft.value = change(draft.value)
    dirty.value = true
    savedObjectives.value = null
  }

  /** Runs a server call; a failure is kept as a code and nothing else changes. */
  async function call<T>(work: () => Promise<T>): Promise<T | null> {
    busy.value = true
    failure.value = null
    try {
      return await work()
    } catch (error) {
      if (!(error instanceof ServerRpcError)) throw error
      failure.value = error.code
      return null
    } finally {
      busy.value = false
    }
  }

  /**
   * Brings the device's cache in line with what the server now holds. Not awaited: the server
   * already answered, and the page must not wait on a pull (nor on a sync already running).
   */
  const refresh = () => void syncRuntime().scheduler.requestSync('manual')

  /** Sends a whole plan as a draft; resolves to true once the server holds it. */
  async function send(plan: Catalogue): Promise<boolean> {
    const answer = await call(() => importPlan(plan))
    if (!answer) return false
    if (answer.status === 'invalid') {
      serverProblems.value = answer.problems
      failure.value = 'invalid'
      return false
    }
    serverProblems.value = []
    savedObjectives.value = answer.objectives
    dirty.value = false
    refresh()
    return true
  }

  /** "Nuovo piano da quello in vigore": the copy is saved at once, so it is a draft every admin sees. */
  async function startFromPlanInForce(): Promise<string | null> {
    // The plan in force today; failing that, the next to start or the latest that ran.
    const source = defaultPlan(catalogue.publishedPlans, catalogue.today)
    const copied = source && cataloguedPlan(source.id)
    if (!source || !copied) {
      failure.value = 'no_plan_in_force'
      return null
    }
    const years = defaultNextYears(source, Number(catalogue.today.slice(0, 4)))
    // A second click must not replace a draft someone is editing with a fresh copy: it opens it.
    const existing = drafts.value.find((p) => p.id === nextPlanId(source, years))
    if (existing) return open(existing.id) ? existing.id : null
    const next = newDraftFrom(copied, years, new Set(catalogue.allObjectives.map((o) => o.id)))
    reset(next)
    return (await send(next.catalogue)) ? next.catalogue.plan.id : null
  }

  /** A validated file (JSON or CSV) becomes a draft the same way. */
  async function importFile(file: Catalogue): Promise<string | null> {
    reset(draftOf(file))
    return (await send(file)) ? file.plan.id : null
  }

  async function save(): Promise<boolean> {
    if (!draft.value || draft.value.problems.length > 0) return false
    return send(draft.value.catalogue)
  }

  async function remove(): Promise<boolean> {
    const planId = draft.value?.catalogue.plan.id
    if (!planId) return false
    const answer = await call(() => deletePlanDraft(planId))
    if (!answer) return false
    if (answer.status === 'refused') {
      failure.value = answer.code
      return false
    }
    reset(null)
    refresh()
    return true
  }

  /** Without `confirm` the server only says what adopting would do (the plans it supersedes). */
  async function adopt(adoption: Omit<Adoption, 'planId'>, confirm: boolean): Promise<AdoptAnswer | null> {
    const planId = draft.value?.catalogue.plan.id
    if (!planId) return null
    const answer = await call(() => adoptPlan({ ...adoption, planId }, confirm))
    // The draft stays open until the page has moved on (close): the page that asked is still showing it.
    if (answer?.status === 'adopted') refresh()
    return answer
  }

  const close = () => reset(null)

  return { draft, drafts, serverProblems, failure, busy, dirty, savedObjectives, open, close, edit, startFromPlanInForce, importFile, save, remove, adopt }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePlanEditorStore, import.meta.hot))
