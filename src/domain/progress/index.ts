import type { Entry } from '~/domain/entry'
import type { IndicatorKind, Objective } from '~/domain/objective'
import type { ObjectiveSetting } from '~/domain/plan-data'
import { completionFigure } from './completion'
import { countFigure } from './count'
import type { KindInput } from './kind-input'
import { aggregateOf, type ObjectiveAggregate } from './aggregate'
import { milestoneFigure } from './milestone'
import { noFindingsFigure } from './no-findings'
import { elapsedShare, inPeriod, measuredPeriod } from './period'
import { shareFigure } from './share'
import type { KindFigure, Progress, ProgressContext } from './types'

export * from './types'
export type { ObjectiveAggregate } from './aggregate'

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
 * Value, target and status of one objective (ARCHITECTURE.md §1): the same function serves
 * the field app, the dashboard and the monitoring report. Thresholds are in ./status.ts.
 * `source` is the objective's entries, or the aggregate of those behind the figure (kept on the
 * device as monthly stats, so the dashboard does not read every entry): both give the same result.
 */
export function computeProgress(objective: Objective, setting: ObjectiveSetting | null, source: Entry[] | ObjectiveAggregate, context: ProgressContext): Progress {
  const period = measuredPeriod(objective.indicator, context)
  const aggregate = Array.isArray(source) ? aggregateOf(entriesBehind(objective, source, context)) : source
  const base = { objectiveId: objective.id, unit: objective.indicator.unit, lastUpdate: aggregate.lastUpdate, entryCount: aggregate.count }
  if (context.now.getTime() < period.start) {
    return { ...base, value: 0, target: null, ratio: 0, expected: null, status: 'not_started', reason: 'period_not_started', explanation: [{ key: 'period.notStarted', params: { year: period.year } }] }
  }
  const elapsed = elapsedShare(period, context.now)
  const figure = FIGURE_OF[objective.indicator.kind]({ objective, setting, aggregate, period, elapsed, periodEnded: elapsed >= 1, context })
  const ratio = figure.target ? figure.value / figure.target : 0
  return { ...base, ...figure, unit: figure.unit ?? base.unit, ratio }
}

/**
 * All objectives at once: entries are grouped by objective first, so they are scanned once;
 * objectives with an aggregate (the dashboard's monthly stats) use it instead of entries.
 */
export function computeAllProgress(
  objectives: Objective[],
  settings: ObjectiveSetting[],
  entries: Entry[],
  context: ProgressContext,
  aggregates: ReadonlyMap<string, ObjectiveAggregate> = new Map(),
): Map<string, Progress> {
  const byObjective = new Map<string, Entry[]>()
  for (const e of entries) {
    const list = byObjective.get(e.objectiveId)
    if (list) list.push(e)
    else byObjective.set(e.objectiveId, [e])
  }
  const settingOf = new Map(settings.filter((s) => !s.deleted).map((s) => [s.id, s]))
  return new Map(
    objectives.map((o) => [o.id, computeProgress(o, settingOf.get(o.id) ?? null, aggregates.get(o.id) ?? byObjective.get(o.id) ?? [], context)]),
  )
}
