import type { Objective, Plan } from '../objective'
import type { Area } from './areas'
import { CatalogueError, validateCatalogue, type Catalogue, type CatalogueProblem } from './validate'

/**
 * Editing a draft plan (the admin's plan editor). Every operation returns a new draft, never
 * changes the one it is given, and re-runs `validateCatalogue`: the editor shows the problems
 * next to their fields and sends nothing while there is one. The server checks again on import.
 *
 * Objectives and areas are addressed by their index in the catalogue's lists, not by id: the id
 * is one of the fields being edited (and may be duplicated while the admin types).
 */
export interface PlanDraft {
  /** The plan as edited; until `problems` is empty it may hold values the validator refuses. */
  catalogue: Catalogue
  problems: CatalogueProblem[]
}

export class DraftEditError extends Error {
  constructor(readonly code: 'area_has_objectives') {
    super(code)
    this.name = 'DraftEditError'
  }
}

export function catalogueProblems(input: unknown): CatalogueProblem[] {
  try {
    validateCatalogue(input)
    return []
  } catch (error) {
    if (error instanceof CatalogueError) return error.problems
    throw error
  }
}

export const draftOf = (catalogue: Catalogue): PlanDraft => ({ catalogue, problems: catalogueProblems(catalogue) })

type AreaId = Area['id']
type ObjectiveEdit = (objective: Objective, index: number) => Objective

function withObjectives(draft: PlanDraft, edit: ObjectiveEdit): PlanDraft {
  return draftOf({ ...draft.catalogue, objectives: draft.catalogue.objectives.map(edit) })
}

/** Writes `value` at a dotted path (`indicator.baseline.value`) of a copy of `target`. */
function setPath<T extends object>(target: T, path: string, value: unknown): T {
  const [key, ...rest] = path.split('.')
  const node = target as Record<string, unknown>
  const next = rest.length === 0 ? value : setPath((node[key!] ?? {}) as object, rest.join('.'), value)
  return { ...target, [key!]: next }
}

/** A plan header field; the plan id carries over to every objective's `planId`. */
export function setPlanField(draft: PlanDraft, field: keyof Plan, value: unknown): PlanDraft {
  const plan = setPath(draft.catalogue.plan, field, value)
  const objectives = field === 'id' ? draft.catalogue.objectives.map((o) => ({ ...o, planId: value as string })) : draft.catalogue.objectives
  return draftOf({ ...draft.catalogue, plan, objectives })
}

/** Any field of one objective, PIAO text or indicator (`indicator.target`), by dotted path. */
export function setObjectiveField(draft: PlanDraft, index: number, path: string, value: unknown): PlanDraft {
  return withObjectives(draft, (o, i) => (i === index ? setPath(o, path, value) : o))
}

/** Objectives of one area in their order, with their index in the catalogue. */
export function objectivesOfArea(catalogue: Catalogue, areaId: AreaId): { objective: Objective; index: number }[] {
  return catalogue.objectives
    .map((objective, index) => ({ objective, index }))
    .filter(({ objective }) => objective.areaId === areaId)
    .sort((a, b) => a.objective.position - b.objective.position)
}

/** Numbers an area's objectives 1, 2, … in their current order (after a move, add or removal). */
function renumberArea(objectives: Objective[], areaId: AreaId, order: Objective[]): Objective[] {
  return objectives.map((o) => (o.areaId === areaId ? { ...o, position: order.indexOf(o) + 1 } : o))
}

function areaOrder(objectives: Objective[], areaId: AreaId): Objective[] {
  return objectives.filter((o) => o.areaId === areaId).sort((a, b) => a.position - b.position)
}

/** `order` with `item` one place earlier (-1) or later (+1); null when it is already at that end. */
export function reordered<T>(order: T[], item: T, delta: -1 | 1): T[] | null {
  const from = order.indexOf(item)
  const to = from + delta
  if (from < 0 || to < 0 || to >= order.length) return null
  const next = order.filter((other) => other !== item)
  next.splice(to, 0, item)
  return next
}

/** Moves an objective up (-1) or down (+1) within its area; at either end nothing changes. */
export function moveObjective(draft: PlanDraft, index: number, delta: -1 | 1): PlanDraft {
  const objectives = draft.catalogue.objectives
  const moving = objectives[index]
  const order = moving && reordered(areaOrder(objectives, moving.areaId), moving, delta)
  if (!moving || !order) return draft
  return draftOf({ ...draft.catalogue, objectives: renumberArea(objectives, moving.areaId, order) })
}

/** Moves an objective to the end of another area; it no longer lists that area as a contributor. */
export function setObjectiveArea(draft: PlanDraft, index: number, areaId: AreaId): PlanDraft {
  const objectives = draft.catalogue.objectives
  const moving = objectives[index]
  if (!moving || moving.areaId === areaId) return draft
  const moved: Objective = {
    ...moving,
    areaId,
    position: areaOrder(objectives, areaId).length + 1,
    contributingAreas: moving.contributingAreas.filter((a) => a !== areaId),
  }
  const next = objectives.map((o) => (o === moving ? moved : o))
  return draftOf({ ...draft.catalogue, objectives: renumberArea(next, moving.areaId, areaOrder(next, moving.areaId)) })
}

/** An id not in `taken`: `base`, else `base<sep>2`, `base<sep>3`, … */
export function freeId(base: string, taken: ReadonlySet<string>, separator: string): string {
  if (!taken.has(base)) return base
  let n = 2
  while (taken.has(`${base}${separator}${n}`)) n++
  return `${base}${separator}${n}`
}

/** A blank objective at the end of an area: its empty fields are problems until they are filled. */
export function blankObjective(planId: string, areaId: AreaId, id: string, position: number): Objective {
  return {
    id,
    planId,
    areaId,
    position,
    contributingAreas: [],
    continuesObjectiveId: null,
    title: '',
    responsabile: '',
    stakeholder: '',
    contributors: '',
    timeframe: '',
    measurement: '',
    baselineText: '',
    expectedTarget: '',
    dataSource: '',
    indicator: {
      kind: 'count',
      target: null,
      relativeIncreasePct: null,
      unit: '',
      period: 'year',
      deadline: null,
      baseline: { value: null, year: null, source: 'piao' },
      withinDays: null,
      entryKinds: [],
    },
  }
}

/** Adds a blank objective at the end of an area; answers the new draft and the objective's index. */
export function addObjective(draft: PlanDraft, areaId: AreaId, takenIds: ReadonlySet<string> = new Set()): { draft: PlanDraft; index: number } {
  const { plan, objectives } = draft.catalogue
  const id = freeId('nuovo-obiettivo', new Set([...takenIds, ...objectives.map((o) => o.id)]), '-')
  const added = blankObjective(plan.id, areaId, id, areaOrder(objectives, areaId).length + 1)
  return { draft: draftOf({ ...draft.catalogue, objectives: [...objectives, added] }), index: objectives.length }
}

export function removeObjective(draft: PlanDraft, index: number): PlanDraft {
  const objectives = draft.catalogue.objectives
  const removed = objectives[index]
  if (!removed) return draft
  const rest = objectives.filter((o) => o !== removed)
  return draftOf({ ...draft.catalogue, objectives: renumberArea(rest, removed.areaId, areaOrder(rest, removed.areaId)) })
}
