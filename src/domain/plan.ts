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

/** Adopted or superseded: a plan that is, or was, in force. Drafts never decide anything. */
export function isPublished(plan: Pick<PlanRecord, 'status'>): boolean {
  return plan.status !== 'draft'
}

function inForceOn(plan: PlanRecord, day: string): boolean {
  return isPublished(plan) && plan.inForceFrom !== null && plan.inForceFrom <= day && (plan.inForceUntil === null || day <= plan.inForceUntil)
}

/**
 * The plan in force on a Rome calendar day (YYYY-MM-DD), docs/plans.md: the latest adopted plan
 * stays in force with no end; a superseded one ends the day before its successor starts; before
 * the first plan, none. Should a device briefly hold an out-of-date copy (the earlier plan not yet
 * pulled as superseded), the later start wins, as it will once the pull completes.
 */
export function planInForce<T extends PlanRecord>(plans: readonly T[], day: string): T | undefined {
  let found: T | undefined
  for (const plan of plans) {
    if (inForceOn(plan, day) && (!found || plan.inForceFrom! > found.inForceFrom!)) found = plan
  }
  return found
}

/**
 * The years a plan is monitored for: its own, plus those it stayed in force past its end
 * (up to `today`'s year while it still is in force).
 */
export function planYears(plan: PlanRecord, today: string): number[] {
  const thisYear = Number(today.slice(0, 4))
  let last = plan.endYear
  if (plan.inForceUntil) last = Math.max(last, Number(plan.inForceUntil.slice(0, 4)))
  else if (isPublished(plan) && plan.inForceFrom !== null && plan.inForceFrom <= today) last = Math.max(last, thisYear)
  return Array.from({ length: last - plan.startYear + 1 }, (_, i) => plan.startYear + i)
}

/** The year shown first for a plan: this year when it is one of the plan's, else the nearest. */
export function defaultPlanYear(plan: PlanRecord, today: string): number {
  const years = planYears(plan, today)
  return Math.min(Math.max(Number(today.slice(0, 4)), years[0]!), years.at(-1)!)
}

/**
 * The plan shown first: the one in force today, else the one that starts next, else the latest
 * that ran; a draft only when nothing was ever adopted (an admin's device).
 */
export function defaultPlan<T extends PlanRecord>(plans: readonly T[], today: string): T | undefined {
  const published = plans.filter(isPublished).sort((a, b) => a.inForceFrom!.localeCompare(b.inForceFrom!))
  return planInForce(plans, today) ?? published.find((p) => p.inForceFrom! > today) ?? published.at(-1) ?? plans[0]
}
