import type { Catalogue } from '~/domain/catalogue'
import type { SulCampoDb } from './database'

/** Meta key under which an imported plan keeps its header and areas. */
export const planMetaKey = (planId: string) => `plan:${planId}`

/** Objective ids are keys across plans: a new plan cannot reuse another plan's ids. */
export class PlanImportConflict extends Error {
  readonly code = 'id_in_other_plan'
  constructor(readonly clashes: { id: string; planId: string }[]) {
    super(`objective ids already used by another plan: ${clashes.map((c) => c.id).join(', ')}`)
    this.name = 'PlanImportConflict'
  }
}

/**
 * Applies an imported plan in one Dexie transaction: the plan's objectives are replaced
 * wholesale and its header stored, or, if anything fails, nothing changes at all.
 */
export async function applyPlanImport(db: SulCampoDb, catalogue: Catalogue): Promise<number> {
  return db.transaction('rw', db.objectives, db.meta, async () => {
    const existing = await db.objectives.bulkGet(catalogue.objectives.map((o) => o.id))
    const clashes = existing.flatMap((o) => (o && o.planId !== catalogue.plan.id ? [{ id: o.id, planId: o.planId }] : []))
    if (clashes.length > 0) throw new PlanImportConflict(clashes)
    await db.objectives.where('planId').equals(catalogue.plan.id).delete()
    await db.objectives.bulkAdd(catalogue.objectives)
    await db.meta.put({ key: planMetaKey(catalogue.plan.id), value: { plan: catalogue.plan, areas: catalogue.areas } })
    return catalogue.objectives.length
  })
}
