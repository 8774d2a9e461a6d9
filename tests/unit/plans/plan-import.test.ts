import { describe, expect, it } from 'vitest'
import { PISOGNE_CATALOGUE } from '~/domain/catalogue'
import { checkPlanFile, planTemplate, problemsBySubject } from '~/features/plan-editor/plan-import'

function nextPlan() {
  const plan = { ...PISOGNE_CATALOGUE.plan, id: 'pisogne-2026-2028', startYear: 2026, endYear: 2028 }
  return { plan, areas: PISOGNE_CATALOGUE.areas, objectives: PISOGNE_CATALOGUE.objectives.map((o) => ({ ...o, planId: plan.id })) }
}

describe('plan import', () => {
  it('accepts its own template', () => {
    expect(checkPlanFile(planTemplate())).toMatchObject({ ok: true })
  })

  it('accepts next year\'s plan whole', () => {
    const check = checkPlanFile(JSON.stringify(nextPlan()))
    expect(check.ok && check.catalogue.objectives.every((o) => o.planId === 'pisogne-2026-2028')).toBe(true)
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
})
