import type { Objective } from '~/domain/objective'
import type { PlanRecord } from '~/domain/plan'
import type { ObjectiveSetting } from '~/domain/plan-data'
import type { PlanRow, SulCampoDb } from './database'
import { META_KEYS } from './meta-repo'

/**
 * A fingerprint of the catalogue's content (FNV-1a over its JSON): a new app version whose
 * bundled catalogue changed anything gets a new fingerprint, and only then are rows replaced.
 */
export function catalogueVersion(plan: PlanRecord, objectives: readonly Objective[]): string {
  const text = JSON.stringify([plan, objectives])
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return `${objectives.length}-${(hash >>> 0).toString(16)}`
}

export type InstallOutcome = 'installed' | 'up-to-date'

/**
 * Loads the bundled demo plan (device-only mode) into the tables a pull fills, once per catalogue
 * version, marked as a demo. A new version replaces that plan's rows wholesale (objectives dropped
 * from the plan disappear); other plans are untouched.
 */
export async function installDemoPlan(db: SulCampoDb, plan: PlanRecord, objectives: readonly Objective[]): Promise<InstallOutcome> {
  const version = catalogueVersion(plan, objectives)
  const key = META_KEYS.catalogueVersion(plan.id)
  return db.transaction('rw', db.plans, db.objectives, db.meta, async () => {
    const installed = await db.meta.get(key)
    if (installed?.value === version && (await db.plans.get(plan.id))) return 'up-to-date'
    await db.objectives.where('planId').equals(plan.id).delete()
    await db.objectives.bulkPut([...objectives])
    await db.plans.put({ ...plan, version: 0, demo: true })
    await db.meta.put({ key, value: version })
    return 'installed'
  })
}

/** Every plan and objective on the device (a few hundred rows at most), for the plan pickers. */
export async function readPlanCatalogue(db: SulCampoDb): Promise<{ plans: PlanRow[]; objectives: Objective[] }> {
  return db.transaction('r', db.plans, db.objectives, async () => {
    const [plans, objectives] = await Promise.all([db.plans.toArray(), db.objectives.toArray()])
    return { plans, objectives }
  })
}

/** The figures managers set on objectives (baseline, target), by objective id. */
export async function objectiveSettingsById(db: SulCampoDb): Promise<Map<string, ObjectiveSetting>> {
  const rows = await db.objectiveSettings.toArray()
  return new Map(rows.filter((s) => !s.deleted).map((s) => [s.id, s]))
}
