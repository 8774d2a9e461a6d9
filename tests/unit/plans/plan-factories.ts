import { expect, vi } from 'vitest'
import { appDatabase } from '~/db/app-database'
import { PISOGNE_OBJECTIVES, PISOGNE_PLAN_RECORD } from '~/domain/catalogue'
import type { Objective } from '~/domain/objective'
import type { PlanRecord } from '~/domain/plan'
import { useObjectivesStore } from '~/features/objectives/objectives-store'

/** A plan row as the server sends it; the Pisogne plan with the given changes. */
export function aPlan(changes: Partial<PlanRecord> = {}): PlanRecord {
  return { ...structuredClone(PISOGNE_PLAN_RECORD), ...changes }
}

/**
 * The 2026–2028 plan adopted from 2026-01-01 with the Pisogne plan superseded the day before, and
 * a copy of the Pisogne objectives under new ids ("<id>-2026") in it, without the old deadlines.
 */
export function aSuccession(): { plans: PlanRecord[]; objectives: Objective[] } {
  const earlier = aPlan({ status: 'superseded', inForceUntil: '2025-12-31' })
  const later = aPlan({ id: 'pisogne-2026-2028', title: 'PIAO 2026–2028', startYear: 2026, endYear: 2028, adoptedOn: '2026-01-20', inForceFrom: '2026-01-01' })
  const copies = PISOGNE_OBJECTIVES.map((o) => ({ ...o, id: `${o.id}-2026`, planId: later.id, continuesObjectiveId: o.id, indicator: { ...o.indicator, deadline: null } }))
  return { plans: [earlier, later], objectives: [...PISOGNE_OBJECTIVES, ...copies] }
}

/** The app's device after a sync brought the 2026–2028 plan, which superseded the demo plan it held. */
export async function afterTheNewPlanArrived(): Promise<void> {
  const catalogue = useObjectivesStore()
  await catalogue.load()
  const { plans, objectives } = aSuccession()
  await appDatabase().plans.bulkPut(plans.map((p) => ({ ...p, version: 2 })))
  await appDatabase().objectives.bulkPut(objectives)
  await vi.waitFor(() => expect(catalogue.publishedPlans).toHaveLength(2), { timeout: 10_000 })
}
