import { describe, expect, it } from 'vitest'
import { objectiveForKind, objectiveInForce } from '~/domain/objective-for-kind'
import { defaultPlan, defaultPlanYear, planInForce, planYears } from '~/domain/plan'
import { aPlan, aSuccession } from './plan-factories'

describe('the plan in force', () => {
  it('keeps the latest adopted plan in force past its end year, and none before the first', () => {
    const pisogne = aPlan()
    expect(planInForce([pisogne], '2026-12-03')?.id).toBe('pisogne-2023-2025')
    expect(planInForce([pisogne], '2023-01-01')?.id).toBe('pisogne-2023-2025')
    expect(planInForce([pisogne], '2022-12-31')).toBeUndefined()
  })

  it('ends a superseded plan the day before the next one starts', () => {
    const { plans } = aSuccession()
    expect(planInForce(plans, '2025-12-31')?.id).toBe('pisogne-2023-2025')
    expect(planInForce(plans, '2026-01-01')?.id).toBe('pisogne-2026-2028')
  })

  it('never takes a draft, and prefers the later start while an out-of-date copy overlaps', () => {
    expect(planInForce([aPlan({ status: 'draft', adoptedOn: null, inForceFrom: null })], '2024-05-01')).toBeUndefined()
    const stale = aPlan() // not yet pulled as superseded
    const later = aPlan({ id: 'later', inForceFrom: '2026-01-01' })
    expect(planInForce([later, stale], '2026-06-01')?.id).toBe('later')
    expect(planInForce([later, stale], '2025-06-01')?.id).toBe('pisogne-2023-2025')
  })

  it('offers a plan\'s years plus those it stayed in force, and this year first', () => {
    const { plans } = aSuccession()
    expect(planYears(aPlan(), '2026-12-03')).toEqual([2023, 2024, 2025, 2026])
    expect(planYears(plans[0]!, '2026-12-03')).toEqual([2023, 2024, 2025])
    expect(planYears(aPlan({ inForceUntil: '2027-03-31', status: 'superseded' }), '2028-01-10')).toEqual([2023, 2024, 2025, 2026, 2027])
    expect(defaultPlanYear(plans[0]!, '2026-12-03')).toBe(2025)
    expect(defaultPlanYear(plans[1]!, '2026-12-03')).toBe(2026)
    expect(defaultPlan(plans, '2026-12-03')?.id).toBe('pisogne-2026-2028')
    expect(defaultPlan(plans, '2022-06-01')?.id).toBe('pisogne-2023-2025')
  })
})

describe('which objective an entry counts towards', () => {
  it.each([
    ['patrol', 'pl-pattugliamento'],
    ['checkpoint', 'pl-pattugliamento'],
    ['evening_shift', 'pl-turni-serali'],
    ['territory_check', 'pl-fascia-montana'],
    ['snow_intervention', 'terr-piano-neve'],
    ['maintenance_report', 'terr-segnaletica'],
  ] as const)('files a %s under %s while the Pisogne plan is in force', (kind, objectiveId) => {
    const { plans, objectives } = aSuccession()
    const choice = objectiveForKind(kind, objectives, plans, '2025-12-31T22:59:00Z')
    expect(choice.ok && choice.objective.id).toBe(objectiveId)
  })

  it('files an entry under the plan in force on its Rome day, not the UTC one', () => {
    const { plans, objectives } = aSuccession()
    // 23:30 UTC on 31 December is 00:30 on 1 January in Rome.
    const choice = objectiveForKind('patrol', objectives, plans, '2025-12-31T23:30:00Z')
    expect(choice.ok && choice.objective.id).toBe('pl-pattugliamento-2026')
  })

  it('says why no objective takes the entry', () => {
    const { plans, objectives } = aSuccession()
    expect(objectiveForKind('patrol', objectives, plans, '2022-11-05T10:00:00Z')).toEqual({ ok: false, reason: 'no_plan_in_force', day: '2022-11-05' })
    const withoutPatrols = objectives.filter((o) => o.id !== 'pl-pattugliamento-2026')
    expect(objectiveForKind('patrol', withoutPatrols, plans, '2026-03-01T10:00:00Z')).toMatchObject({ ok: false, reason: 'no_objective' })
  })

  it('lets an office update through only while its objective\'s plan is in force', () => {
    const { plans, objectives } = aSuccession()
    const old = objectives.find((o) => o.id === 'fin-imu-tari')!
    expect(objectiveInForce(old, plans, '2025-06-01T10:00:00Z').ok).toBe(true)
    expect(objectiveInForce(old, plans, '2026-06-01T10:00:00Z')).toEqual({ ok: false, reason: 'no_plan_in_force', day: '2026-06-01' })
  })
})
