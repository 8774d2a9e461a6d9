import type { AreaId } from '../areas'
import type { Objective } from '../objective'

/** An objective as written in the data files: its area, plan and position come from where it is listed. */
export type ObjectiveDraft = Omit<Objective, 'planId' | 'areaId' | 'position'>

/** Places the drafts of one area in the plan, numbered in the order the PIAO lists them. */
export function inArea(planId: string, areaId: AreaId, drafts: ObjectiveDraft[]): Objective[] {
  return drafts.map((draft, index) => ({ ...draft, planId, areaId, position: index + 1 }))
}
