import type { KindInput } from './kind-input'
import { notStarted } from './status'
import type { KindFigure } from './types'

/**
 * Checks by the control bodies: met while no check has a critical finding. A critical finding
 * is off track at once; non-critical findings put the objective at risk until checks come back clean
 * (only the latest check's findings count as still open).
 */
export function noFindingsFigure(input: KindInput): KindFigure {
  const { count: checks, findings, critical, latest } = input.aggregate
  const explanation = [{ key: 'noFindings.summary', params: { checks, findings, critical } }]
  const base = { value: checks, target: null, expected: null, explanation }
  if (checks === 0) return { ...base, ...notStarted('no_data') }
  if (critical > 0) return { ...base, status: 'off_track', reason: 'critical_finding' }
  if (latest?.findings) return { ...base, status: 'at_risk', reason: 'findings' }
  return { ...base, status: input.periodEnded ? 'achieved' : 'on_track', reason: null }
}
