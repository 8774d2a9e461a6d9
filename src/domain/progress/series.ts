import type { Entry } from '~/domain/entry'
import type { Objective } from '~/domain/objective'
import { entryQuantity } from './kind-input'
import { milestoneSteps } from './milestone'
import { monthsOfYear, romeMonthKey } from './rome-calendar'

export interface MonthPoint {
  month: string
  /** What the month added: quantities for counts, entries otherwise; for milestones, proven steps dated that month. */
  amount: number
  cumulative: number
}

/** Monthly series of a year on the Rome calendar, for the objective page's chart. */
export function monthlySeries(objective: Objective, entries: Entry[], year: number): MonthPoint[] {
  const amounts = new Map<string, number>()
  if (objective.indicator.kind === 'milestone') {
    for (const step of milestoneSteps(entries)) if (step.proven) amounts.set(step.date.slice(0, 7), (amounts.get(step.date.slice(0, 7)) ?? 0) + 1)
  } else {
    for (const e of entries) {
      const month = romeMonthKey(e.occurredAt)
      amounts.set(month, (amounts.get(month) ?? 0) + entryQuantity(e))
    }
  }
  let cumulative = 0
  return monthsOfYear(year).map((month) => {
    const amount = amounts.get(month) ?? 0
    cumulative += amount
    return { month, amount, cumulative }
  })
}
