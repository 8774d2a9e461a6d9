import type { EntryKind } from '../entry'
import type { Baseline, Indicator, IndicatorPeriod } from '../objective'

/**
 * Builders for the indicators of the data files: each states only what the PIAO text decides
 * and fills the rest with the neutral value, so a data file reads like the plan.
 */

interface Timing {
  period: IndicatorPeriod
  /** ISO date, or null where the text gives no date. */
  deadline: string | null
}

/** No baseline is needed: the target is absolute, or there is none. */
function noBaseline(): Baseline {
  return { value: null, year: null, source: 'piao' }
}

/** A baseline the PIAO refers to but does not quantify (e.g. patrols in 2022): a manager enters it. */
export function managerBaseline(year: number | null): Baseline {
  return { value: null, year, source: 'manager' }
}

function indicator(fields: Pick<Indicator, 'kind' | 'unit' | 'entryKinds'> & Partial<Indicator> & Timing): Indicator {
  return { target: null, relativeIncreasePct: null, withinDays: null, baseline: noBaseline(), ...fields }
}

/** A sum of logged quantities; `target: null` without a relative increase means a manager sets it. */
export function countIndicator(
  spec: Timing & {
    target: number | null
    relativeIncreasePct?: number
    unit: string
    baseline?: Baseline
    entryKinds: EntryKind[]
  },
): Indicator {
  return indicator({ kind: 'count', ...spec })
}

export function shareIndicator(
  spec: Timing & { target: number; withinDays?: number; entryKinds: EntryKind[] },
): Indicator {
  return indicator({ kind: 'share', unit: '%', ...spec })
}

/** Planned items done out of those planned (a programme, a list of services): always 100%. */
export function completionIndicator(spec: Timing & { entryKinds: EntryKind[] }): Indicator {
  return indicator({ kind: 'completion', target: 100, unit: '%', ...spec })
}

/** Steps done or not, each with its evidence ("atti d'ufficio"); every planned step counts. */
export function milestoneIndicator(timing: Timing): Indicator {
  return indicator({ kind: 'milestone', unit: 'fasi', entryKinds: ['milestone_update'], ...timing })
}

/** Checks by the control bodies, met while none has a critical finding; an ongoing duty. */
export function noFindingsIndicator(): Indicator {
  return indicator({ kind: 'no_findings', unit: 'verifiche', entryKinds: ['check'], period: 'continuous', deadline: null })
}
