import type { AreaId } from './areas'
import type { EntryKind } from './entry'

export const INDICATOR_KINDS = ['count', 'share', 'completion', 'milestone', 'no_findings'] as const
export type IndicatorKind = (typeof INDICATOR_KINDS)[number]

/** The period over which an indicator is measured and its target applies. */
export const INDICATOR_PERIODS = ['year', 'plan', 'month', 'event', 'continuous'] as const
export type IndicatorPeriod = (typeof INDICATOR_PERIODS)[number]

/**
 * A baseline is either given by the PIAO text or left to a manager to enter
 * (e.g. "number of patrols in 2022"): then `value` is null until set.
 */
export interface Baseline {
  value: number | null
  /** Year the baseline refers to, when the text names one (e.g. 2022). */
  year: number | null
  source: 'piao' | 'manager'
}

/**
 * The computable side of an objective (ARCHITECTURE.md §1).
 * - count: sum of logged quantities vs `target`, or vs baseline × (1 + relativeIncreasePct/100).
 * - share: numerator / denominator from entries vs `target` percent.
 * - completion: planned items done / planned items vs `target` percent (100).
 * - milestone: dated steps done or not; `target` is the number of steps (null: all planned steps).
 * - no_findings: checks logged; met while no critical finding.
 */
export interface Indicator {
  kind: IndicatorKind
  /** Absolute target (count), percentage 0–100 (share, completion) or null where it derives from a baseline. */
  target: number | null
  /** For "baseline + N%" count targets. */
  relativeIncreasePct: number | null
  /** Italian unit label, e.g. "pattuglie", "avvisi di accertamento", "%". */
  unit: string
  period: IndicatorPeriod
  /** ISO date (YYYY-MM-DD) by which the target is due, when the PIAO gives one. */
  deadline: string | null
  baseline: Baseline
  /** For share indicators measured in days (e.g. fixed within 8 days). */
  withinDays: number | null
  /** Entry kinds that feed this indicator. */
  entryKinds: EntryKind[]
}

/** The PIAO's own fields, kept verbatim in Italian. */
export interface PiaoFields {
  title: string
  responsabile: string
  stakeholder: string
  contributors: string
  timeframe: string
  measurement: string
  baselineText: string
  expectedTarget: string
  dataSource: string
}

export interface Objective extends PiaoFields {
  /** Stable slug, e.g. "pl-pattugliamento". */
  id: string
  planId: string
  areaId: AreaId
  /** Position within its area, from 1, as in the PIAO. */
  position: number
  /** Areas that contribute (e.g. polizia_locale contributes to the signage objective). */
  contributingAreas: AreaId[]
  indicator: Indicator
  /** The objective of an earlier plan this one carries on (docs/plans.md, item 4 of issue 12). */
  continuesObjectiveId?: string | null
}

export interface Plan {
  id: string
  title: string
  municipality: string
  startYear: number
  endYear: number
  approvedBy: string
}
