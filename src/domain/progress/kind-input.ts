import type { Entry } from '~/domain/entry'
import type { ObjectiveAggregate } from './aggregate'
import type { Objective } from '~/domain/objective'
import type { ObjectiveSetting } from '~/domain/plan-data'
import type { MeasuredPeriod } from './period'
import type { ProgressContext } from './types'

/** What each indicator-kind module receives: the aggregate of the objective's entries within its kinds and period. */
export interface KindInput {
  objective: Objective
  setting: ObjectiveSetting | null
  aggregate: ObjectiveAggregate
  period: MeasuredPeriod
  /** Share of the period elapsed, 0..1. */
  elapsed: number
  periodEnded: boolean
  context: ProgressContext
}

export function payloadNumber(entry: Entry, field: string): number {
  const value = entry.payload[field]
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

/** A count_update carries its quantity; any other entry (a patrol, a check) counts as one. */
export function entryQuantity(entry: Entry): number {
  return entry.kind === 'count_update' ? payloadNumber(entry, 'quantity') : 1
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals
  return Math.round(value * f) / f
}

export function percent(numerator: number, denominator: number): number {
  return denominator > 0 ? roundTo((numerator / denominator) * 100, 1) : 0
}
