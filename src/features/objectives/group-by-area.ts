import type { AreaId } from '~/domain/areas'
import type { Objective } from '~/domain/objective'

export interface AreaLike {
  id: AreaId
  position: number
}

export interface AreaGroup<A extends AreaLike> {
  area: A
  objectives: Objective[]
}

/** Objectives under their area, areas and objectives in PIAO order; areas with nothing to show are left out. */
export function groupByArea<A extends AreaLike>(areas: readonly A[], objectives: readonly Objective[]): AreaGroup<A>[] {
  return [...areas]
    .sort((a, b) => a.position - b.position)
    .map((area) => ({
      area,
      objectives: objectives.filter((o) => o.areaId === area.id).sort((a, b) => a.position - b.position),
    }))
    .filter((group) => group.objectives.length > 0)
}

/** "My area": the objectives the area owns or contributes to. */
export function inArea(objective: Objective, areaId: AreaId): boolean {
  return objective.areaId === areaId || objective.contributingAreas.includes(areaId)
}
