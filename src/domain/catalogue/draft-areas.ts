import type { Area } from './areas'
import { draftOf, DraftEditError, freeId, reordered, type PlanDraft } from './draft-edit'

/**
 * The areas of a draft plan: free slug ids and names (areas are plan data, docs/plans.md).
 * Areas are addressed by index, like objectives in draft-edit.ts.
 */

type AreaId = Area['id']

const byPosition = (areas: Area[]) => [...areas].sort((a, b) => a.position - b.position)

/** Positions 1, 2, … in `order`; the list itself keeps its order, so the editor's indexes stay valid. */
function numbered(areas: Area[], order: Area[]): Area[] {
  return areas.map((area) => ({ ...area, position: order.indexOf(area) + 1 }))
}

/** A name, or the id: renaming the id carries over to the objectives of the area and its contributions. */
export function setAreaField(draft: PlanDraft, index: number, field: 'id' | 'nameIt' | 'nameEn', value: string): PlanDraft {
  const { areas, objectives } = draft.catalogue
  const area = areas[index]
  if (!area) return draft
  const renamed = areas.map((a, i) => (i === index ? { ...a, [field]: value } : a))
  if (field !== 'id') return draftOf({ ...draft.catalogue, areas: renamed })
  const rename = (id: AreaId) => (id === area.id ? (value as AreaId) : id)
  const carried = objectives.map((o) => ({ ...o, areaId: rename(o.areaId), contributingAreas: o.contributingAreas.map(rename) }))
  return draftOf({ ...draft.catalogue, areas: renamed, objectives: carried })
}

/** Adds an area at the end with a free placeholder id and empty names (problems until named). */
export function addArea(draft: PlanDraft): { draft: PlanDraft; index: number } {
  const { areas } = draft.catalogue
  const id = freeId('nuova_area', new Set(areas.map((a) => a.id)), '_') as AreaId
  const added: Area = { id, nameIt: '', nameEn: '', position: 0 }
  const next = [...areas, added]
  return { draft: draftOf({ ...draft.catalogue, areas: numbered(next, [...byPosition(areas), added]) }), index: areas.length }
}

export const areaHasObjectives = (draft: PlanDraft, index: number) =>
  draft.catalogue.objectives.some((o) => o.areaId === draft.catalogue.areas[index]?.id)

/**
 * Removes an area that has no objectives of its own (they are moved or removed first, so that
 * none is lost by accident); the objectives it contributed to no longer list it.
 */
export function removeArea(draft: PlanDraft, index: number): PlanDraft {
  const { areas, objectives } = draft.catalogue
  const area = areas[index]
  if (!area) return draft
  if (areaHasObjectives(draft, index)) throw new DraftEditError('area_has_objectives')
  const rest = areas.filter((a) => a !== area)
  return draftOf({
    ...draft.catalogue,
    areas: numbered(rest, byPosition(rest)),
    objectives: objectives.map((o) => ({ ...o, contributingAreas: o.contributingAreas.filter((a) => a !== area.id) })),
  })
}

/** Moves an area up (-1) or down (+1) in the plan's order; at either end nothing changes. */
export function moveArea(draft: PlanDraft, index: number, delta: -1 | 1): PlanDraft {
  const area = draft.catalogue.areas[index]
  const order = area && reordered(byPosition(draft.catalogue.areas), area, delta)
  if (!order) return draft
  return draftOf({ ...draft.catalogue, areas: numbered(draft.catalogue.areas, order) })
}
