import type { PlanRow, SulCampoDb } from '~/db/database'
import { readObjectiveAggregate } from '~/db/objective-stats-read'
import type { Objective } from '~/domain/objective'
import { planYears } from '~/domain/plan'
import { computeAllProgress, type Progress, type ProgressContext } from '~/domain/progress'
import type { ObjectiveSetting } from '~/domain/plan-data'
import { measuredPeriod } from '~/domain/progress/period'

export interface EarlierYear {
  year: number
  progress: Progress
}

/** One objective an objective continues (issue 12, item 4), with its figure for each year of its plan. */
export interface EarlierLine {
  objective: Objective
  plan: PlanRow
  years: EarlierYear[]
}

interface Catalogue {
  byId(id: string): Objective | undefined
  planOf(objective: Objective): PlanRow | undefined
}

/** Plans are few and a line continues one objective per plan; the bound only stops a bad cycle. */
const MAX_EARLIER_PLANS = 10

/**
 * The objectives an objective carries on, newest first, each with the figures of its own plan's
 * years, computed as the dashboard computes them (the same stats, settings and programmes).
 */
export async function readEarlierLines(
  db: SulCampoDb,
  objective: Objective,
  catalogue: Catalogue,
  settings: ObjectiveSetting[],
  context: ProgressContext,
  today: string,
): Promise<EarlierLine[]> {
  const lines: EarlierLine[] = []
  const seen = new Set([objective.id])
  let id = objective.continuesObjectiveId
  while (id && !seen.has(id) && lines.length < MAX_EARLIER_PLANS) {
    seen.add(id)
    const earlier = catalogue.byId(id)
    const plan = earlier && catalogue.planOf(earlier)
    if (!earlier || !plan) break
    lines.push({ objective: earlier, plan, years: await figuresByYear(db, earlier, plan, settings, { ...context, plan }, today) })
    id = earlier.continuesObjectiveId
  }
  return lines
}

async function figuresByYear(db: SulCampoDb, objective: Objective, plan: PlanRow, settings: ObjectiveSetting[], base: ProgressContext, today: string): Promise<EarlierYear[]> {
  return db.transaction('r', db.objectiveStats, db.entries, async () => {
    const years: EarlierYear[] = []
    for (const year of planYears(plan, today)) {
      const context = { ...base, year }
      const period = measuredPeriod(objective.indicator, context)
      // Past a deadline the figure stays that of the deadline's year: listed once, under that year.
      if (years.some((y) => y.year === period.year)) continue
      const aggregate = await readObjectiveAggregate(db, objective, period)
      const progress = computeAllProgress([objective], settings, [], { ...context, year: period.year }, new Map([[objective.id, aggregate]])).get(objective.id)
      if (progress) years.push({ year: period.year, progress })
    }
    return years
  })
}
