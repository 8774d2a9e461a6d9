import type { EntryKind } from './entry'
import type { Objective } from './objective'
import { planInForce, type PlanRecord } from './plan'
import { romeDate } from './time-rome'

/** Why no objective takes an entry: no plan in force on its day, or that plan has no objective fed by its kind. */
export type NoObjective = 'no_plan_in_force' | 'no_objective'

export type ObjectiveChoice = { ok: true; objective: Objective; plan: PlanRecord } | { ok: false; reason: NoObjective; day: string }

/**
 * The objective an entry counts towards (docs/plans.md, "Entries"): that of the plan in force on the
 * Rome day of `occurredAt` whose indicator is fed by the entry's kind, first in the plan's order.
 */
export function objectiveForKind(kind: EntryKind, objectives: readonly Objective[], plans: readonly PlanRecord[], occurredAt: string): ObjectiveChoice {
  const day = romeDate(occurredAt)
  const plan = planInForce(plans, day)
  if (!plan) return { ok: false, reason: 'no_plan_in_force', day }
  const objective = inPlanOrder(objectives.filter((o) => o.planId === plan.id && o.indicator.entryKinds.includes(kind)), plan)[0]
  return objective ? { ok: true, objective, plan } : { ok: false, reason: 'no_objective', day }
}

/**
 * Whether an entry for an objective chosen by hand (office updates) may carry `occurredAt`: its
 * plan must be in force on that day, as the server checks (`objective_not_in_force`).
 */
export function objectiveInForce(objective: Objective, plans: readonly PlanRecord[], occurredAt: string): ObjectiveChoice {
  const day = romeDate(occurredAt)
  const plan = planInForce(plans, day)
  return plan?.id === objective.planId ? { ok: true, objective, plan } : { ok: false, reason: 'no_plan_in_force', day }
}

/** Objectives sorted as the plan lists them: by its areas' order, then by position. */
export function inPlanOrder(objectives: readonly Objective[], plan: PlanRecord): Objective[] {
  const areaAt = new Map(plan.areas.map((a) => [a.id, a.position]))
  const rank = (o: Objective) => areaAt.get(o.areaId) ?? Number.MAX_SAFE_INTEGER
  return [...objectives].sort((a, b) => rank(a) - rank(b) || a.position - b.position)
}
