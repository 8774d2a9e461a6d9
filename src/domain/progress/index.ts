import type { Entry } from '~/domain/entry'
import type { IndicatorKind, Objective } from '~/domain/objective'
import type { ObjectiveSetting } from '~/domain/plan-data'
import { completionFigure } from './completion'
import { countFigure } from './count'
import { entryQuantity, type KindInput } from './kind-input'
import { milestoneFigure } from './milestone'
import { noFindingsFigure } from './no-findings'
import { elapsedShare, inPeriod, measuredPeriod } from './period'
import { shareFigure } from './share'
import type { EntryTally, KindFigure, Progress, ProgressContext } from './types'

export * from './types'

const FIGURE_OF: Record<IndicatorKind, (input: KindInput) => KindFigure> = {
  count: countFigure,
  share: shareFigure,
  completion: completionFigure,
  milestone: milestoneFigure,
  no_findings: noFindingsFigure,
}

/** The entries that feed an objective's figure: its own, live, of its kinds, within its period. */
export function entriesBehind(objective: Objective, entries: Entry[], context: ProgressContext): Entry[] {
  const period = measuredPeriod(objective.indicator, context)
  const kinds = objective.indicator.entryKinds
  return entries.filter(
    (e) => e.objectiveId === objective.id && !e.deleted && (kinds.length === 0 || kinds.includes(e.kind)) && inPeriod(e.occurredAt, period),
  )
}

/**
 * True when the figure only needs how many entries there are in the period (each counts one):
 * counts of field work and evening shifts against their programme. Count updates carry quantities.
 */
export function isTallied(objective: Objective): boolean {
  const { kind, entryKinds } = objective.indicator
  const countsOne = entryKinds.length > 0 && !entryKinds.includes('count_update')
  return countsOne && (kind === 'count' || (kind === 'completion' && entryKinds.includes('evening_shift')))
}

function latestUpdate(entries: Entry[]): string | null {
  let latest: string | null = null
  for (const e of entries) if (latest === null || e.updatedAt > latest) latest = e.updatedAt
  return latest
}

/**
 * Value, target and status of one objective (ARCHITECTURE.md §1): the same function serves
 * the field app, the dashboard and the monitoring report. Thresholds are in ./status.ts.
 * `source` is the objective's entries, or, for a tallied objective, their count in the period.
 */
export function computeProgress(objective: Objective, setting: ObjectiveSetting | null, source: Entry[] | EntryTally, context: ProgressContext): Progress {
  const period = measuredPeriod(objective.indicator, context)
  const behind = Array.isArray(source) ? entriesBehind(objective, source, context) : []
  const entryCount = Array.isArray(source) ? behind.length : source.count
  const amount = Array.isArray(source) ? behind.reduce((sum, e) => sum + entryQuantity(e), 0) : source.count
  const base = { objectiveId: objective.id, unit: objective.indicator.unit, lastUpdate: Array.isArray(source) ? latestUpdate(behind) : source.lastUpdate, entryCount }
  if (context.now.getTime() < period.start) {
    return { ...base, value: 0, target: null, ratio: 0, expected: null, status: 'not_started', reason: 'period_not_started', explanation: [{ key: 'period.notStarted', params: { year: period.year } }] }
  }
  const elapsed = elapsedShare(period, context.now)
  const figure = FIGURE_OF[objective.indicator.kind]({ objective, setting, entries: behind, amount, entryCount, period, elapsed, periodEnded: elapsed >= 1, context })
  const ratio = figure.target ? figure.value / figure.target : 0
  return { ...base, ...figure, unit: figure.unit ?? base.unit, ratio }
}

/**
 * All objectives at once: entries are grouped by objective first, so they are scanned once;
 * objectives with a tally use it instead of entries.
 */
export function computeAllProgress(
  objectives: Objective[],
  settings: ObjectiveSetting[],
  entries: Entry[],
  context: ProgressContext,
  tallies: ReadonlyMap<string, EntryTally> = new Map(),
): Map<string, Progress> {
  const byObjective = new Map<string, Entry[]>()
  for (const e of entries) {
    const list = byObjective.get(e.objectiveId)
    if (list) list.push(e)
    else byObjective.set(e.objectiveId, [e])
  }
  const settingOf = new Map(settings.filter((s) => !s.deleted).map((s) => [s.id, s]))
  return new Map(
    objectives.map((o) => [o.id, computeProgress(o, settingOf.get(o.id) ?? null, tallies.get(o.id) ?? byObjective.get(o.id) ?? [], context)]),
  )
}
