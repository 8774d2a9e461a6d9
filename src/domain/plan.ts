import type { Area } from './areas'
import type { Plan } from './objective'

export const PLAN_STATUSES = ['draft', 'adopted', 'superseded'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

/**
 * A plan as the server holds it and devices cache it (docs/plans.md, "Wire"). `Plan` stays the
 * header of the import file, which knows nothing of the lifecycle; the server adds the rest.
 */
export interface PlanRecord extends Plan {
  municipalityId: string
  istatCode: string
  status: PlanStatus
  /** YYYY-MM-DD; null while a draft. */
  adoptedOn: string | null
  /** First Rome day in force (YYYY-MM-DD); null while a draft. */
  inForceFrom: string | null
  /** Last Rome day in force, inclusive; null while no later plan supersedes it. */
  inForceUntil: string | null
  areas: Area[]
}
