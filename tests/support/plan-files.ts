import { PISOGNE_CATALOGUE, type Catalogue } from '~/domain/catalogue'
import type { Objective } from '~/domain/objective'

/**
 * Plan files (docs/plans.md, the `{ plan, areas, objectives }` format) as a comune would write
 * them for import_plan: the Pisogne catalogue under another plan id and years, every objective
 * renamed with `prefix` so that no id belongs to another plan.
 */
export function planFile(planId: string, startYear: number, prefix: string): Catalogue {
  const file = structuredClone(PISOGNE_CATALOGUE)
  file.plan = { ...file.plan, id: planId, startYear, endYear: startYear + 2, approvedBy: 'Proposta di deliberazione' }
  file.objectives = file.objectives.map((objective) => ({ ...objective, id: `${prefix}-${objective.id}`, planId }))
  return file
}

/** The file with one more area, last in the list, and one objective of it built from `like`. */
export function withNewArea(file: Catalogue, areaId: string, objectiveId: string, like: Objective): Catalogue {
  const copy = structuredClone(file)
  copy.areas.push({ id: areaId, nameIt: 'Area protezione civile', nameEn: 'Civil protection', position: copy.areas.length + 1 })
  copy.objectives.push({ ...structuredClone(like), id: objectiveId, areaId, position: 1, contributingAreas: [], planId: file.plan.id })
  return copy
}
