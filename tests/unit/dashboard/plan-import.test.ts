import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PISOGNE_CATALOGUE } from '~/domain/catalogue'
import { openDatabase, type SulCampoDb } from '~/db/database'
import { applyPlanImport, planMetaKey, PlanImportConflict } from '~/db/plan-import'
import { checkPlanFile, planTemplate, problemsBySubject } from '~/features/admin/plan-import'

function nextPlan() {
  const plan = { ...PISOGNE_CATALOGUE.plan, id: 'pisogne-2026-2028', startYear: 2026, endYear: 2028 }
  return { plan, areas: PISOGNE_CATALOGUE.areas, objectives: PISOGNE_CATALOGUE.objectives.map((o) => ({ ...o, planId: plan.id })) }
}

describe('plan import', () => {
  let db: SulCampoDb
  beforeEach(() => {
    db = openDatabase(`import-${crypto.randomUUID()}`)
  })
  afterEach(async () => {
    db.close()
    await Dexie.delete(db.name)
  })

  it('accepts its own template', () => {
    expect(checkPlanFile(planTemplate())).toMatchObject({ ok: true })
  })

  it('imports a good file in one go', async () => {
    const check = checkPlanFile(JSON.stringify(nextPlan()))
    if (!check.ok) throw new Error('expected a valid file')
    await expect(applyPlanImport(db, check.catalogue)).resolves.toBe(29)
    expect(await db.objectives.where('planId').equals('pisogne-2026-2028').count()).toBe(29)
    expect((await db.meta.get(planMetaKey('pisogne-2026-2028')))?.value).toMatchObject({ plan: { startYear: 2026 } })
  })

  it('rejects a file with one bad objective, naming it and the field', () => {
    const file = nextPlan()
    file.objectives[4] = { ...file.objectives[4]!, indicator: { ...file.objectives[4]!.indicator, kind: 'guess' as never } }
    const check = checkPlanFile(JSON.stringify(file))
    expect(check.ok).toBe(false)
    if (check.ok) return
    const groups = problemsBySubject(check.problems)
    expect(groups.map(([subject]) => subject)).toEqual([`objective "${file.objectives[4]!.id}"`])
    expect(groups[0]![1][0]!.path).toBe('indicator.kind')
  })

  it('says what is wrong with a file that is not JSON', () => {
    const check = checkPlanFile('{ not json')
    expect(check).toMatchObject({ ok: false, problems: [{ subject: 'file' }] })
  })

  it('leaves the device as it was when applying fails halfway', async () => {
    const first = checkPlanFile(JSON.stringify(nextPlan()))
    if (!first.ok) throw new Error('expected a valid file')
    await applyPlanImport(db, first.catalogue)
    // Two objectives with one id: the bulk add fails after the old rows were deleted in the same transaction.
    const broken = { ...first.catalogue, objectives: [...first.catalogue.objectives, first.catalogue.objectives[0]!] }
    await expect(applyPlanImport(db, broken)).rejects.toThrow()
    expect(await db.objectives.where('planId').equals('pisogne-2026-2028').count()).toBe(29)
  })
})

describe('plan import over an installed plan', () => {
  it('refuses ids that belong to another plan and changes nothing', async () => {
    const db = openDatabase(`import-${crypto.randomUUID()}`)
    try {
      await db.objectives.bulkAdd(PISOGNE_CATALOGUE.objectives)
      const check = checkPlanFile(JSON.stringify(nextPlan()))
      if (!check.ok) throw new Error('expected a valid file')
      await expect(applyPlanImport(db, check.catalogue)).rejects.toBeInstanceOf(PlanImportConflict)
      expect(await db.objectives.where('planId').equals(PISOGNE_CATALOGUE.plan.id).count()).toBe(29)
      expect(await db.objectives.where('planId').equals('pisogne-2026-2028').count()).toBe(0)
    } finally {
      db.close()
      await Dexie.delete(db.name)
    }
  })
})
