import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { PISOGNE_CATALOGUE, PISOGNE_PLAN_RECORD } from '~/domain/catalogue'
import { setObjectiveField } from '~/domain/catalogue/draft-edit'
import type { PlanRow } from '~/db/database'
import { useObjectivesStore } from '~/features/objectives/objectives-store'
import { usePlanEditorStore } from '~/features/plan-editor/plan-editor-store'
import { deletePlanDraft, importPlan, ServerRpcError } from '~/sync/plans-api'

vi.mock('~/sync/plans-api', async (original) => ({ ...(await original<object>()), importPlan: vi.fn(), deletePlanDraft: vi.fn() }))
const requestSync = vi.fn(async () => null)
vi.mock('~/sync/engine-runtime', () => ({ syncRuntime: () => ({ scheduler: { requestSync } }) }))

const IN_FORCE: PlanRow = { ...PISOGNE_PLAN_RECORD, version: 3 }

/** An admin's device that has pulled the plan in force (and, when given, a draft). */
function deviceWith(plans: PlanRow[], objectives = PISOGNE_CATALOGUE.objectives) {
  const catalogue = useObjectivesStore()
  catalogue.plans = plans
  catalogue.allObjectives = objectives
  catalogue.today = '2026-06-15'
  return usePlanEditorStore()
}

beforeEach(() => {
  setActivePinia(createPinia())
  requestSync.mockClear()
  vi.mocked(importPlan).mockReset()
  vi.mocked(importPlan).mockImplementation(async (file) => ({ status: 'imported', planId: file.plan.id, objectives: file.objectives.length }))
})

describe('plan editor store', () => {
  it('starts next years\' draft from the plan in force, saves it on the server and syncs', async () => {
    const editor = deviceWith([IN_FORCE])
    await expect(editor.startFromPlanInForce()).resolves.toBe('pisogne-2026-2028')
    const sent = vi.mocked(importPlan).mock.calls[0]![0]
    expect(sent.plan).toMatchObject({ id: 'pisogne-2026-2028', startYear: 2026, endYear: 2028 })
    expect(sent.objectives.find((o) => o.id === 'pl-pattugliamento-2026')?.continuesObjectiveId).toBe('pl-pattugliamento')
    expect(editor.savedObjectives).toBe(29)
    expect(requestSync).toHaveBeenCalledWith('manual')
  })

  it('opens the draft already on the server instead of replacing it with a fresh copy', async () => {
    const draftRow: PlanRow = { ...IN_FORCE, id: 'pisogne-2026-2028', startYear: 2026, endYear: 2028, status: 'draft', adoptedOn: null, inForceFrom: null }
    const edited = { ...PISOGNE_CATALOGUE.objectives[0]!, id: 'tr-edited-2026', planId: 'pisogne-2026-2028', title: 'Già modificato' }
    const editor = deviceWith([IN_FORCE, draftRow], [...PISOGNE_CATALOGUE.objectives, edited])
    await expect(editor.startFromPlanInForce()).resolves.toBe('pisogne-2026-2028')
    expect(importPlan).not.toHaveBeenCalled()
    expect(editor.draft?.catalogue.objectives.map((o) => o.title)).toEqual(['Già modificato'])
  })

  it('sends nothing while the draft has a problem', async () => {
    const editor = deviceWith([IN_FORCE])
    await editor.startFromPlanInForce()
    vi.mocked(importPlan).mockClear()
    editor.edit((d) => setObjectiveField(d, 0, 'responsabile', ''))
    await expect(editor.save()).resolves.toBe(false)
    expect(importPlan).not.toHaveBeenCalled()
    expect(editor.dirty).toBe(true)
  })

  it('keeps the edits and says so when the server cannot be reached or refuses the draft', async () => {
    const editor = deviceWith([IN_FORCE])
    await editor.startFromPlanInForce()
    editor.edit((d) => setObjectiveField(d, 0, 'title', 'Titolo nuovo'))
    vi.mocked(importPlan).mockRejectedValueOnce(new ServerRpcError('offline', 'import_plan: fetch failed'))
    await expect(editor.save()).resolves.toBe(false)
    expect(editor.failure).toBe('offline')
    expect(editor.dirty).toBe(true)
    expect(editor.draft?.catalogue.objectives[0]?.title).toBe('Titolo nuovo')

    const clash = { code: 'id_in_other_plan', subject: 'objective "x"', path: 'id', detail: 'used by plan "y"' }
    vi.mocked(importPlan).mockResolvedValueOnce({ status: 'invalid', problems: [clash] })
    await expect(editor.save()).resolves.toBe(false)
    expect(editor.failure).toBe('invalid')
    expect(editor.serverProblems).toEqual([clash])
    expect(editor.dirty).toBe(true)
  })

  it('says the plan was adopted meanwhile when deleting it is refused, and keeps the draft open', async () => {
    const editor = deviceWith([IN_FORCE])
    await editor.startFromPlanInForce()
    vi.mocked(deletePlanDraft).mockResolvedValueOnce({ status: 'refused', code: 'plan_not_draft' })
    await expect(editor.remove()).resolves.toBe(false)
    expect(editor.failure).toBe('plan_not_draft')
    expect(editor.draft?.catalogue.plan.id).toBe('pisogne-2026-2028')
  })

  it('says there is no plan to copy on a device that holds none', async () => {
    const editor = deviceWith([], [])
    await expect(editor.startFromPlanInForce()).resolves.toBeNull()
    expect(editor.failure).toBe('no_plan_in_force')
    expect(importPlan).not.toHaveBeenCalled()
  })
})
