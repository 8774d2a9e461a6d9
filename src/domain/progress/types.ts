import type { Entry } from '~/domain/entry'
import type { Programme, SnowEvent, SnowRoute } from '~/domain/plan-data'

export const PROGRESS_STATUSES = ['not_started', 'on_track', 'at_risk', 'off_track', 'achieved'] as const
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number]

/** Why a status is what it is, when the numbers alone do not say it. Translated by the UI. */
export type StatusReason =
  | 'baseline_missing'
  | 'target_missing'
  | 'period_not_started'
  | 'no_data'
  | 'period_ended'
  | 'no_routes'
  | 'no_events'
  | 'no_programme'
  | 'critical_finding'
  | 'findings'

/**
 * One sentence of the explanation, as a message key and its parameters, so that
 * the same figure reads "412 pattuglie nel 2024…" in Italian and "412 patrols in 2024…" in English.
 */
export interface ExplanationPart {
  key: string
  params: Record<string, string | number>
}

export interface Progress {
  objectiveId: string
  /** Current value in the indicator's unit (count) or percent (share, completion). */
  value: number
  target: number | null
  /** What value and target count, in Italian as in the PIAO: "pattuglie", "%", "turni"… */
  unit: string
  /** value / target, 0 when there is no target. */
  ratio: number
  /** What should have been reached by now if progress were linear over the period. */
  expected: number | null
  status: ProgressStatus
  reason: StatusReason | null
  explanation: ExplanationPart[]
  /** Latest updatedAt among the entries behind the figure. */
  lastUpdate: string | null
  /** Entries that fed the figure. */
  entryCount: number
}

export interface PlanYears {
  startYear: number
  endYear: number
}

/** Everything besides the objective's own entries that the maths needs. */
export interface ProgressContext {
  now: Date
  /** The monitoring year being looked at (a "year" indicator is measured over it). */
  year: number
  plan: PlanYears
  programmes: Programme[]
  snowRoutes: SnowRoute[]
  snowEvents: SnowEvent[]
}

/** What a kind module returns before the common status rules are applied. */
export interface KindFigure {
  value: number
  /** Defaults to the indicator's unit. */
  unit?: string
  target: number | null
  expected: number | null
  status: ProgressStatus
  reason: StatusReason | null
  explanation: ExplanationPart[]
}

export type { Entry }
