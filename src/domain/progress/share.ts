import { percent, type KindInput } from './kind-input'
import { DEFAULT_FIX_DAYS } from './maintenance'
import { romeDayNumber } from './rome-calendar'
import { rateStatus } from './status'
import type { ExplanationPart, KindFigure } from './types'

interface Ratio {
  numerator: number
  denominator: number
  explanation: ExplanationPart
}

/**
 * Reports fixed within N days over reports whose outcome is known (resolved, or open past the
 * deadline): the same rule as ./maintenance fixShare, from the resolved reports' days-to-fix counts.
 */
function fixedInTimeRatio(input: KindInput, withinDays: number): Ratio {
  const { resolvedDays, openReports } = input.aggregate
  let fixed = 0
  let resolved = 0
  for (const [days, n] of Object.entries(resolvedDays)) {
    resolved += n
    if (Number(days) <= withinDays) fixed += n
  }
  const today = romeDayNumber(input.context.now.getTime())
  const overdue = openReports.filter((r) => today - romeDayNumber(r.reportedAt) > withinDays).length
  const decided = resolved + overdue
  return {
    numerator: fixed,
    denominator: decided,
    explanation: { key: 'share.fixedWithin', params: { fixed, decided, days: withinDays, pending: openReports.length - overdue } },
  }
}

/** Office figures: each count_update is a batch, "quantity out of total" (e.g. 9 of 10 procedures). */
function batchRatio(input: KindInput): Ratio {
  const numerator = input.aggregate.sumQuantity
  const denominator = input.aggregate.sumTotal
  return { numerator, denominator, explanation: { key: 'share.batches', params: { numerator, denominator } } }
}

export function shareFigure(input: KindInput): KindFigure {
  const { indicator } = input.objective
  const target = indicator.target ?? input.setting?.target ?? 100
  const isReports = indicator.entryKinds.includes('maintenance_report')
  const ratio = isReports ? fixedInTimeRatio(input, indicator.withinDays ?? DEFAULT_FIX_DAYS) : batchRatio(input)
  const value = percent(ratio.numerator, ratio.denominator)
  const outcome = rateStatus({ value, target, hasData: ratio.denominator > 0, periodEnded: input.periodEnded })
  const summary: ExplanationPart = { key: 'share.summary', params: { value, target, year: input.period.year } }
  return { value, target, expected: target, ...outcome, explanation: [summary, ratio.explanation] }
}
