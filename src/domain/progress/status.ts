import type { ProgressStatus, StatusReason } from './types'

/**
 * Status thresholds (the same for the field app, the dashboard and the report):
 * - achieved: the target is met.
 * - on_track: value ≥ 100% of what is expected by now; at_risk: ≥ 80%; off_track: below.
 * - Cumulative figures (counts, planned items) expect target × share of the period elapsed;
 *   a rate (share of reports fixed in time) is expected to stay at the target all along.
 * - not_started: before the period starts, or no data while nothing is expected yet (< 1 unit).
 * - A period that has ended without meeting the target is off_track: it can no longer be met.
 */
export const ON_TRACK_RATIO = 1
export const AT_RISK_RATIO = 0.8

export interface StatusOutcome {
  status: ProgressStatus
  reason: StatusReason | null
}

function byRatio(value: number, expected: number): ProgressStatus {
  if (value >= expected * ON_TRACK_RATIO) return 'on_track'
  if (value >= expected * AT_RISK_RATIO) return 'at_risk'
  return 'off_track'
}

export interface CumulativeInput {
  value: number
  target: number
  expected: number
  hasData: boolean
  periodEnded: boolean
}

export function cumulativeStatus(input: CumulativeInput): StatusOutcome {
  if (input.value >= input.target) return { status: 'achieved', reason: null }
  if (input.periodEnded) return { status: 'off_track', reason: 'period_ended' }
  if (!input.hasData && input.expected < 1) return { status: 'not_started', reason: 'no_data' }
  return { status: byRatio(input.value, input.expected), reason: null }
}

export interface RateInput {
  value: number
  target: number
  hasData: boolean
  periodEnded: boolean
}

export function rateStatus(input: RateInput): StatusOutcome {
  if (!input.hasData) return { status: 'not_started', reason: 'no_data' }
  if (input.periodEnded) {
    return input.value >= input.target ? { status: 'achieved', reason: null } : { status: 'off_track', reason: 'period_ended' }
  }
  return { status: byRatio(input.value, input.target), reason: null }
}

export function notStarted(reason: StatusReason): StatusOutcome {
  return { status: 'not_started', reason }
}
