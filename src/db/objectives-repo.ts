import type { Objective, Plan } from '~/domain/objective'
import type { ObjectiveSetting } from '~/domain/plan-data'
import type { SulCampoDb } from './database'
import { META_KEYS } from './meta-repo'

/**
 * A fingerprint of the catalogue's content (FNV-1a over its JSON): a new app version whose
 * bundled catalogue changed anything gets a new fingerprint, and only then are rows replaced.
 */
export function catalogueVersion(objectives: readonly Objective[]): string {
  const text = JSON.stringify(objectives)
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return `${objectives.length}-${(hash >>> 0).toString(16)}`
}

export type InstallOutcome = 'installed' | 'up-to-date'

/**
 * Loads the bundled catalogue of a plan into Dexie once per catalogue version. A new version
 * replaces that plan's rows wholesale (objectives dropped from the plan disappear); other plans are untouched.
 */
export async function installCatalogue(db: SulCampoDb, plan: Plan, objectives: readonly Objective[]): Promise<InstallOutcome> {
  const version = catalogueVersion(objectives)
  const key = META_KEYS.catalogueVersion(plan.id)
  return db.transaction('rw', db.objectives, db.meta, async () => {
    const installed = await db.meta.get(key)
    if (installed?.value === version) return 'up-to-date'
    await db.objectives.where('planId').equals(plan.id).delete()
    await db.objectives.bulkPut([...objectives])
    await db.meta.put({ key, value: version })
    return 'installed'
  })
}

export function listObjectives(db: SulCampoDb, planId: string): Promise<Objective[]> {
  return db.objectives.where('planId').equals(planId).toArray()
}

/** The figures managers set on objectives (baseline, target), by objective id. */
export async function objectiveSettingsById(db: SulCampoDb): Promise<Map<string, ObjectiveSetting>> {
  const rows = await db.objectiveSettings.toArray()
  return new Map(rows.filter((s) => !s.deleted).map((s) => [s.id, s]))
}
