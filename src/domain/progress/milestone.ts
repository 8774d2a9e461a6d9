import type { Entry } from '~/domain/entry'
import { aggregateOf, type StepState } from './aggregate'
import { roundTo, type KindInput } from './kind-input'
import { cumulativeStatus, notStarted } from './status'
import type { ExplanationPart, KindFigure } from './types'

export interface MilestoneStep {
  step: string
  done: boolean
  evidence: string
  date: string
  /** Done, and backed by an "atto d'ufficio": only these count. */
  proven: boolean
}

/** The latest update of each step decides its state (a step can be reopened). */
export function milestoneSteps(entries: Entry[]): MilestoneStep[] {
  return stepsOf(aggregateOf(entries).steps)
}

function stepsOf(latest: Record<string, StepState>): MilestoneStep[] {
  return Object.entries(latest).map(([step, s]) => ({ step, done: s.done, evidence: s.evidence, date: s.date, proven: s.done && s.evidence !== '' }))
}

export function milestoneFigure(input: KindInput): KindFigure {
  const steps = stepsOf(input.aggregate.steps)
  const proven = steps.filter((s) => s.proven).length
  const unproven = steps.filter((s) => s.done && !s.proven).length
  const target = input.objective.indicator.target ?? input.setting?.target ?? steps.length
  const explanation: ExplanationPart[] = [{ key: 'milestone.summary', params: { done: proven, target } }]
  if (unproven > 0) explanation.push({ key: 'milestone.withoutEvidence', params: { count: unproven } })
  if (target === 0) return { value: 0, target: null, expected: null, ...notStarted('no_data'), explanation }
  const expected = roundTo(target * input.elapsed, 1)
  const outcome = cumulativeStatus({ value: proven, target, expected, hasData: steps.length > 0, periodEnded: input.periodEnded })
  return { value: proven, target, expected, ...outcome, explanation }
}
