import { describe, expect, it } from 'vitest'
import type { ObjectiveSetting } from '~/domain/plan-data'
import { createAppI18n, type Locale } from '~/i18n'
import objectives from '~/features/objectives/messages'
import { describeTarget, formatLongDate } from '~/features/objectives/indicator-words'
import { anIndicator } from './objective-factory'

function translate(locale: Locale) {
  return createAppI18n(locale, [objectives]).global.t
}

const patrols = anIndicator({
  target: null,
  relativeIncreasePct: 10,
  unit: 'pattuglie',
  baseline: { value: null, year: 2022, source: 'manager' },
})
const signage = anIndicator({ kind: 'share', target: 75, unit: '%', withinDays: 8 })
const notices = anIndicator({ target: 70, unit: 'avvisi di accertamento', period: 'year' })

describe('indicator in words', () => {
  it('says the patrol target in Italian, asking for the 2022 baseline while it is missing', () => {
    expect(describeTarget(patrols, translate('it'))).toBe('Target: +10% rispetto al 2022 (valore di partenza da inserire)')
  })

  it('shows the baseline and the target it gives once known', () => {
    const entered = { ...patrols, baseline: { value: 120, year: 2022, source: 'manager' as const } }
    expect(describeTarget(entered, translate('en'))).toBe('Target: +10% compared with 2022 (120 → target 132)')
  })

  it("uses the baseline a manager set in the objective's settings instead of asking for it", () => {
    const setting: ObjectiveSetting = { id: 'pl-pattugliamento', baselineValue: 400, target: null, note: '', version: 1, updatedAt: '2026-11-20T08:00:00.000Z', deleted: false }
    expect(describeTarget(patrols, translate('it'), setting)).toBe('Target: +10% rispetto al 2022 (400 → obiettivo 440)')
    expect(describeTarget(patrols, translate('it'), { ...setting, baselineValue: null })).toBe('Target: +10% rispetto al 2022 (valore di partenza da inserire)')
  })

  it("states the manager's target where the PIAO leaves it to them", () => {
    const open = anIndicator({ target: null, unit: 'controlli', period: 'year' })
    const setting: ObjectiveSetting = { id: 'x', baselineValue: null, target: 12, note: '', version: 1, updatedAt: '2026-11-20T08:00:00.000Z', deleted: false }
    expect(describeTarget(open, translate('it'))).toBe('Target in controlli: lo fissa il responsabile')
    expect(describeTarget(open, translate('it'), setting)).toBe('Target: ≥ 12 controlli all’anno')
  })

  it('says a share within days and an absolute count in both languages', () => {
    expect(describeTarget(signage, translate('it'))).toBe('Target: ≥ 75% entro 8 giorni')
    expect(describeTarget(signage, translate('en'))).toBe('Target: ≥ 75% within 8 days')
    expect(describeTarget(notices, translate('it'))).toBe('Target: ≥ 70 avvisi di accertamento all’anno')
    expect(describeTarget(notices, translate('en'))).toBe('Target: ≥ 70 avvisi di accertamento a year')
  })

  it('says completion, milestone and no-findings targets', () => {
    const t = translate('it')
    expect(describeTarget(anIndicator({ kind: 'completion', target: 100, unit: '%' }), t)).toBe('Target: 100% del programma')
    expect(describeTarget(anIndicator({ kind: 'milestone' }), t)).toMatch(/tutte le fasi/)
    expect(describeTarget(anIndicator({ kind: 'no_findings' }), translate('en'))).toMatch(/no critical finding/)
  })

  it('writes a deadline as a long Rome date in the UI language', () => {
    expect(formatLongDate('2024-12-31', 'it')).toBe('31 dicembre 2024')
    expect(formatLongDate('2023-06-30', 'en')).toBe('June 30, 2023')
  })
})
