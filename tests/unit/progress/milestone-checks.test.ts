import { describe, expect, it } from 'vitest'
import { computeProgress } from '~/domain/progress'
import { aContext, anEntry, anObjective } from './factories'

describe('milestones with evidence', () => {
  const rules = anObjective('pl-regolamento', { kind: 'milestone', unit: 'fasi', deadline: '2024-06-30', entryKinds: ['milestone_update'] })
  const step = (name: string, done: boolean, evidence: string, at: string) =>
    anEntry('pl-regolamento', 'milestone_update', at, { step: name, done, evidence, date: at.slice(0, 10) })

  it('counts only steps done with an "atto d\'ufficio" and says how many lack one', () => {
    const entries = [
      step('Bozza', true, 'Prot. 123', '2024-01-10T10:00:00Z'),
      step('Parere Garante', true, '', '2024-02-10T10:00:00Z'),
      step('Delibera', true, 'Delibera CC n. 12', '2024-03-10T10:00:00Z'),
    ]
    const p = computeProgress(rules, null, entries, aContext('2024-03-31T10:00:00Z'))
    expect(p).toMatchObject({ value: 2, target: 3 })
    expect(p.explanation).toContainEqual({ key: 'milestone.withoutEvidence', params: { count: 1 } })
  })

  it('lets the latest update reopen a step', () => {
    const entries = [step('Bozza', true, 'Prot. 123', '2024-01-10T10:00:00Z'), step('Bozza', false, '', '2024-01-20T10:00:00Z')]
    expect(computeProgress(rules, null, entries, aContext('2024-03-31T10:00:00Z')).value).toBe(0)
  })

  it('is achieved with every step proven, and off track when the deadline passed short', () => {
    const done = [step('Bozza', true, 'Prot. 1', '2024-01-10T10:00:00Z'), step('Delibera', true, 'Delibera 2', '2024-05-10T10:00:00Z')]
    expect(computeProgress(rules, null, done, aContext('2024-05-31T10:00:00Z')).status).toBe('achieved')
    const short = [done[0]!, step('Delibera', false, '', '2024-05-10T10:00:00Z')]
    expect(computeProgress(rules, null, short, aContext('2024-07-15T10:00:00Z'))).toMatchObject({ status: 'off_track', reason: 'period_ended' })
  })
})

describe('checks with findings', () => {
  const transparency = anObjective('tr-trasparenza', { kind: 'no_findings', unit: 'verifiche', period: 'continuous', entryKinds: ['check'] })
  const check = (outcome: 'ok' | 'findings', critical: boolean, at: string) => anEntry('tr-trasparenza', 'check', at, { outcome, findings: outcome === 'ok' ? '' : 'Sezione incompleta', critical })
  const now = aContext('2024-06-30T10:00:00Z')

  it('is not started before the first check', () => {
    expect(computeProgress(transparency, null, [], now)).toMatchObject({ status: 'not_started', reason: 'no_data' })
  })

  it('is on track while checks come back clean', () => {
    expect(computeProgress(transparency, null, [check('ok', false, '2024-03-01T10:00:00Z')], now).status).toBe('on_track')
  })

  it('is off track after a critical finding, even if later checks are clean', () => {
    const entries = [check('findings', true, '2024-03-01T10:00:00Z'), check('ok', false, '2024-04-01T10:00:00Z')]
    expect(computeProgress(transparency, null, entries, now)).toMatchObject({ status: 'off_track', reason: 'critical_finding' })
  })

  it('is at risk while the latest check has non-critical findings, and back on track once clean', () => {
    const open = [check('ok', false, '2024-03-01T10:00:00Z'), check('findings', false, '2024-04-01T10:00:00Z')]
    expect(computeProgress(transparency, null, open, now)).toMatchObject({ status: 'at_risk', reason: 'findings' })
    expect(computeProgress(transparency, null, [...open, check('ok', false, '2024-05-01T10:00:00Z')], now).status).toBe('on_track')
  })

  it('is achieved at the end of the year with no critical finding', () => {
    expect(computeProgress(transparency, null, [check('ok', false, '2024-03-01T10:00:00Z')], aContext('2025-01-02T10:00:00Z')).status).toBe('achieved')
  })
})
