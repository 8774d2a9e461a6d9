import { describe, expect, it } from 'vitest'
import { PISOGNE_CATALOGUE } from '~/domain/catalogue'
import { addArea, moveArea, removeArea, setAreaField } from '~/domain/catalogue/draft-areas'
import { defaultNextYears, newDraftFrom, nextObjectiveId, shiftDeadline } from '~/domain/catalogue/draft-copy'
import {
  addObjective,
  draftOf,
  moveObjective,
  objectivesOfArea,
  removeObjective,
  setObjectiveArea,
  setObjectiveField,
  setPlanField,
  type PlanDraft,
} from '~/domain/catalogue/draft-edit'

const YEARS = { startYear: 2026, endYear: 2028 }
const source = PISOGNE_CATALOGUE
const pisogneIds = new Set(source.objectives.map((o) => o.id))
const nextDraft = () => newDraftFrom(source, YEARS, pisogneIds)

const indexOf = (draft: PlanDraft, id: string) => draft.catalogue.objectives.findIndex((o) => o.id === id)
const idsOfArea = (draft: PlanDraft, areaId: string) => objectivesOfArea(draft.catalogue, areaId).map(({ objective }) => objective.id)
const positionsOfArea = (draft: PlanDraft, areaId: string) => objectivesOfArea(draft.catalogue, areaId).map(({ objective }) => objective.position)
const areaOrder = (draft: PlanDraft) => [...draft.catalogue.areas].sort((a, b) => a.position - b.position).map((a) => a.id)

describe('a new draft from the plan in force', () => {
  it('is the same plan for the new years, with a new id for the plan and every objective, valid as it is', () => {
    const draft = nextDraft()
    expect(draft.problems).toEqual([])
    expect(draft.catalogue.plan).toMatchObject({ id: 'pisogne-2026-2028', startYear: 2026, endYear: 2028, municipality: 'Comune di Pisogne' })
    expect(draft.catalogue.plan.title).toContain('2026–2028')
    expect(draft.catalogue.objectives).toHaveLength(source.objectives.length)
    for (const o of draft.catalogue.objectives) {
      expect(pisogneIds.has(o.id)).toBe(false)
      expect(o.planId).toBe('pisogne-2026-2028')
    }
    expect(draft.catalogue.objectives[indexOf(draft, 'pl-pattugliamento-2026')]?.continuesObjectiveId).toBe('pl-pattugliamento')
  })

  it('leaves the plan it copies as it was', () => {
    const before = JSON.stringify(source)
    setObjectiveField(nextDraft(), 0, 'title', 'Cambiato')
    expect(JSON.stringify(source)).toBe(before)
  })

  it('moves structured deadlines with the plan and keeps them calendar dates', () => {
    expect(shiftDeadline('2023-06-30', 3)).toBe('2026-06-30')
    expect(shiftDeadline('2024-02-29', 3)).toBe('2027-02-28')
    expect(shiftDeadline(null, 3)).toBeNull()
    const draft = nextDraft()
    const original = source.objectives.find((o) => o.indicator.deadline === '2023-06-30')!
    const copy = draft.catalogue.objectives.find((o) => o.continuesObjectiveId === original.id)!
    expect(copy.indicator.deadline).toBe('2026-06-30')
  })

  it('never reuses an objective id another plan already has', () => {
    expect(nextObjectiveId('pl-pattugliamento-2023', 2026, new Set())).toBe('pl-pattugliamento-2026')
    expect(nextObjectiveId('pl-pattugliamento', 2026, new Set(['pl-pattugliamento-2026']))).toBe('pl-pattugliamento-2026-2')
  })
})

describe('editing a draft, re-validated at every step', () => {
  it('changes a target and the indicator stays checked by the same rules as an import', () => {
    const draft = nextDraft()
    const share = draft.catalogue.objectives.findIndex((o) => o.indicator.kind === 'share')
    const id = draft.catalogue.objectives[share]!.id
    const over = setObjectiveField(draft, share, 'indicator.target', 150)
    expect(over.problems).toEqual([expect.objectContaining({ code: 'invalid_field', subject: `objective "${id}"`, path: 'indicator.target' })])
    const fixed = setObjectiveField(over, share, 'indicator.target', 80)
    expect(fixed.problems).toEqual([])
    expect(fixed.catalogue.objectives[share]!.indicator.target).toBe(80)
    expect(fixed.catalogue.objectives[share]!.indicator.unit).toBe(draft.catalogue.objectives[share]!.indicator.unit)
  })

  it('names an emptied PIAO field and a duplicated id against their objective', () => {
    const draft = nextDraft()
    const emptied = setObjectiveField(draft, 0, 'responsabile', '')
    expect(emptied.problems).toEqual([expect.objectContaining({ path: 'responsabile', subject: `objective "${draft.catalogue.objectives[0]!.id}"` })])
    const twin = setObjectiveField(draft, 1, 'id', draft.catalogue.objectives[0]!.id)
    expect(twin.problems).toEqual([expect.objectContaining({ code: 'duplicate_id', path: 'id' })])
  })

  it('carries a new plan id to every objective and refuses a plan that ends before it starts', () => {
    const renamed = setPlanField(nextDraft(), 'id', 'pisogne-piao-2026')
    expect(new Set(renamed.catalogue.objectives.map((o) => o.planId))).toEqual(new Set(['pisogne-piao-2026']))
    expect(renamed.problems).toEqual([])
    const backwards = setPlanField(renamed, 'endYear', 2025)
    expect(backwards.problems).toEqual([expect.objectContaining({ subject: 'plan', path: 'endYear' })])
  })

  it('adds a blank objective at the end of an area, whose empty fields are problems until filled', () => {
    const { draft, index } = addObjective(nextDraft(), 'polizia_locale')
    const added = draft.catalogue.objectives[index]!
    expect(added).toMatchObject({ id: 'nuovo-obiettivo', areaId: 'polizia_locale', position: idsOfArea(draft, 'polizia_locale').length })
    expect(new Set(draft.problems.map((p) => p.subject))).toEqual(new Set(['objective "nuovo-obiettivo"']))
    expect(draft.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['title', 'indicator.unit', 'indicator.entryKinds']))
    expect(addObjective(draft, 'sociale').draft.catalogue.objectives.at(-1)!.id).toBe('nuovo-obiettivo-2')
  })

  it('reorders objectives within their area and keeps positions 1, 2, …', () => {
    const draft = nextDraft()
    const [first, second] = idsOfArea(draft, 'polizia_locale')
    const moved = moveObjective(draft, indexOf(draft, second!), -1)
    expect(idsOfArea(moved, 'polizia_locale').slice(0, 2)).toEqual([second, first])
    expect(positionsOfArea(moved, 'polizia_locale')).toEqual(positionsOfArea(draft, 'polizia_locale'))
    expect(moved.problems).toEqual([])
    expect(moveObjective(moved, indexOf(moved, second!), -1)).toBe(moved)
  })

  it('moves an objective to another area, at its end, and the area it left closes the gap', () => {
    const draft = nextDraft()
    const [first] = idsOfArea(draft, 'polizia_locale')
    const moved = setObjectiveArea(draft, indexOf(draft, first!), 'territorio')
    expect(idsOfArea(moved, 'territorio').at(-1)).toBe(first)
    expect(positionsOfArea(moved, 'polizia_locale')).toEqual(positionsOfArea(draft, 'polizia_locale').slice(0, -1))
    expect(moved.catalogue.objectives[indexOf(moved, first!)]!.contributingAreas).not.toContain('territorio')
    expect(moved.problems).toEqual([])
  })

  it('removes an objective and renumbers its area', () => {
    const draft = nextDraft()
    const [first, second] = idsOfArea(draft, 'polizia_locale')
    const removed = removeObjective(draft, indexOf(draft, first!))
    expect(idsOfArea(removed, 'polizia_locale')[0]).toBe(second)
    expect(positionsOfArea(removed, 'polizia_locale')[0]).toBe(1)
    expect(removed.catalogue.objectives).toHaveLength(draft.catalogue.objectives.length - 1)
  })
})

describe('the areas of a draft', () => {
  it('adds an area with a free slug, a problem until it is named, and any objective can then go there', () => {
    const { draft, index } = addArea(nextDraft())
    expect(draft.catalogue.areas[index]).toMatchObject({ id: 'nuova_area', position: 7 })
    expect(draft.problems.map((p) => [p.subject, p.path])).toEqual([['area "nuova_area"', 'nameIt'], ['area "nuova_area"', 'nameEn']])
    let named = setAreaField(draft, index, 'id', 'protezione_civile')
    named = setAreaField(named, index, 'nameIt', 'Area protezione civile')
    named = setAreaField(named, index, 'nameEn', 'Civil protection')
    expect(named.problems).toEqual([])
    const [first] = idsOfArea(named, 'polizia_locale')
    expect(setObjectiveArea(named, indexOf(named, first!), 'protezione_civile').problems).toEqual([])
  })

  it('refuses an area id that is no slug', () => {
    const { draft, index } = addArea(nextDraft())
    expect(setAreaField(draft, index, 'id', 'Protezione Civile').problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'invalid_field', path: 'id' })]),
    )
  })

  it('renames an area everywhere the plan uses it', () => {
    const draft = nextDraft()
    const index = draft.catalogue.areas.findIndex((a) => a.id === 'territorio')
    const renamed = setAreaField(draft, index, 'id', 'lavori_pubblici')
    expect(renamed.problems).toEqual([])
    expect(renamed.catalogue.objectives.some((o) => o.areaId === 'territorio' || o.contributingAreas.includes('territorio'))).toBe(false)
    expect(idsOfArea(renamed, 'lavori_pubblici')).toEqual(idsOfArea(draft, 'territorio'))
  })

  it('keeps an area that still has objectives, and removes an empty one from every contribution', () => {
    const draft = nextDraft()
    const territorio = draft.catalogue.areas.findIndex((a) => a.id === 'territorio')
    expect(() => removeArea(draft, territorio)).toThrow(expect.objectContaining({ code: 'area_has_objectives' }))
    let emptied = draft
    for (const id of idsOfArea(draft, 'territorio')) emptied = removeObjective(emptied, indexOf(emptied, id))
    const removed = removeArea(emptied, territorio)
    expect(removed.catalogue.areas.map((a) => a.id)).not.toContain('territorio')
    expect(removed.catalogue.objectives.some((o) => o.contributingAreas.includes('territorio'))).toBe(false)
    expect(removed.catalogue.areas.map((a) => a.position).sort()).toEqual([1, 2, 3, 4, 5])
    expect(removed.problems).toEqual([])
  })

  it('reorders areas without moving them in the list the editor addresses', () => {
    const draft = nextDraft()
    const last = draft.catalogue.areas.length - 1
    const moved = moveArea(draft, last, -1)
    expect(areaOrder(moved)).toEqual(['trasversali', 'amministrativa', 'finanziaria', 'territorio', 'sociale', 'polizia_locale'])
    expect(moved.catalogue.areas.map((a) => a.id)).toEqual(draft.catalogue.areas.map((a) => a.id))
    expect(moveArea(draft, 0, -1)).toBe(draft)
  })

  it('shows a file that is wrong from the start with all its problems', () => {
    const broken = draftOf({ ...source, areas: source.areas.filter((a) => a.id !== 'sociale') })
    expect(broken.problems.length).toBeGreaterThan(0)
    expect(broken.problems.every((p) => p.code === 'unknown_area')).toBe(true)
  })
})

describe('the years of the next plan', () => {
  it('follows a plan that ran over from this year, and a current plan from its next year, for as many years', () => {
    expect(defaultNextYears({ startYear: 2023, endYear: 2025 }, 2026)).toEqual({ startYear: 2026, endYear: 2028 })
    expect(defaultNextYears({ startYear: 2026, endYear: 2028 }, 2026)).toEqual({ startYear: 2027, endYear: 2029 })
  })
})
