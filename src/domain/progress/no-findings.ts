import type { KindInput } from './kind-input'
import { notStarted } from './status'
import type { KindFigure } from './types'

/**
 * Checks by the control bodies: met while no check has a critical finding. A critical finding
 * is off track at once; non-critical findings put the objective at risk until checks come back clean
 * (only the latest check's findings count as still open).
 */
export function noFindingsFigure(input: KindInput): KindFigure {
  const checks = input.entries.length
  const withFindings = input.entries.filter((e) => e.payload.outcome === 'findings')
  const critical = withFindings.filter((e) => e.payload.critical === true).length
  const latest = [...input.entries].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)).at(-1)
  const explanation = [{ key: 'noFindings.summary', params: { checks, findings: withFindings.length, critical } }]
  const base = { value: checks, target: null, expected: null, explanation }
  if (checks === 0) return { ...base, ...notStarted('no_data') }
  if (critical > 0) return { ...base, status: 'off_track', reason: 'critical_finding' }
  if (latest?.payload.outcome === 'findings') return { ...base, status: 'at_risk', reason: 'findings' }
  return { ...base, status: input.periodEnded ? 'achieved' : 'on_track', reason: null }
}
