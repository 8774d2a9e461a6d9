import type { Indicator } from '~/domain/objective'
import type { ObjectiveSetting } from '~/domain/plan-data'
import { roundTo, type KindInput } from './kind-input'
import { cumulativeStatus, notStarted } from './status'
import type { ExplanationPart, KindFigure, StatusReason } from './types'

export type CountTarget =
  | { target: number; baseline: number | null; baselineYear: number | null; pct: number | null }
  | { missing: StatusReason }

/**
 * "Baseline + N%" targets come from the baseline (the PIAO's or the one a manager entered),
 * rounded up: +10% on 400 patrols means at least 440. Other targets: the PIAO's, else the manager's.
 */
export function countTarget(indicator: Indicator, setting: ObjectiveSetting | null): CountTarget {
  if (indicator.relativeIncreasePct !== null) {
    const baseline = setting?.baselineValue ?? indicator.baseline.value
    if (baseline === null) return { missing: 'baseline_missing' }
    // roundTo first: 400 × 1.1 is 440.00000000000006 in floating point.
    const target = Math.ceil(roundTo(baseline * (1 + indicator.relativeIncreasePct / 100), 6))
    return { target, baseline, baselineYear: indicator.baseline.year, pct: indicator.relativeIncreasePct }
  }
  const target = indicator.target ?? setting?.target ?? null
  if (target === null) return { missing: 'target_missing' }
  return { target, baseline: null, baselineYear: null, pct: null }
}

export function countFigure(input: KindInput): KindFigure {
  const { indicator } = input.objective
  const value = input.aggregate.amount
  const resolved = countTarget(indicator, input.setting)
  const base = { unit: indicator.unit, value, year: input.period.year }
  if ('missing' in resolved) {
    return { value, target: null, expected: null, ...notStarted(resolved.missing), explanation: [{ key: 'count.noTarget', params: base }] }
  }
  const { target } = resolved
  const expected = roundTo(target * input.elapsed, 1)
  const explanation: ExplanationPart[] = [
    resolved.baseline !== null && resolved.pct !== null
      ? { key: 'count.relative', params: { ...base, target, baseline: resolved.baseline, baselineYear: resolved.baselineYear ?? '', pct: resolved.pct } }
      : { key: 'count.absolute', params: { ...base, target } },
  ]
  const outcome = cumulativeStatus({ value, target, expected, hasData: input.aggregate.count > 0, periodEnded: input.periodEnded })
  return { value, target, expected, ...outcome, explanation }
}
