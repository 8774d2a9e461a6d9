import { payloadNumber, percent, type KindInput } from './kind-input'
import { fixShare, reportFacts, DEFAULT_FIX_DAYS } from './maintenance'
import { rateStatus } from './status'
import type { ExplanationPart, KindFigure } from './types'

interface Ratio {
  numerator: number
  denominator: number
  explanation: ExplanationPart
}

/** Reports fixed within N days over reports whose outcome is known. */
function fixedInTimeRatio(input: KindInput, withinDays: number): Ratio {
  const facts = input.entries.map((e) => reportFacts(e, input.context.now, withinDays))
  const share = fixShare(facts)
  return {
    numerator: share.fixedInTime,
    denominator: share.decided,
    explanation: { key: 'share.fixedWithin', params: { fixed: share.fixedInTime, decided: share.decided, days: withinDays, pending: share.pending } },
  }
}

/** Office figures: each count_update is a batch, "quantity out of total" (e.g. 9 of 10 procedures). */
function batchRatio(input: KindInput): Ratio {
  let numerator = 0
  let denominator = 0
  for (const e of input.entries) {
    numerator += payloadNumber(e, 'quantity')
    denominator += payloadNumber(e, 'total')
  }
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
