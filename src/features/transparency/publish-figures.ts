import type { Objective } from '~/domain/objective'
import type { PlanRecord } from '~/domain/plan'
import { computeAllProgress, type ProgressContext } from '~/domain/progress'
import { dayAfter, measuredPeriod } from '~/domain/progress/period'
import { readDashboardSnapshot } from '~/db/dashboard-queries'
import type { SulCampoDb } from '~/db/database'
import type { PublishedFigure } from './transparency-api'

/**
 * The figures a snapshot publishes: per objective of `plan`, value, target, unit and status as
 * the admin's dashboard computes them (the same read and the same src/domain/progress), for the
 * year of `asOf` and as they stood at the end of that Rome day: entries after it are not counted
 * and the share of the period elapsed is the one of that day. Today's snapshot is today's
 * dashboard. Aggregates only: nothing of an entry but its count leaves this function.
 */
export async function figuresAsOf(db: SulCampoDb, plan: PlanRecord, asOf: string, now: Date): Promise<PublishedFigure[]> {
  const endOfDay = dayAfter(asOf)
  const base: ProgressContext = {
    now: new Date(Math.min(now.getTime(), endOfDay)),
    year: Number(asOf.slice(0, 4)),
    plan,
    programmes: [],
    snowRoutes: [],
    snowEvents: [],
  }
  const windowOf = (o: Objective) => {
    const period = measuredPeriod(o.indicator, base)
    const end = Math.min(period.end, endOfDay)
    return { ...period, end, endIso: new Date(end).toISOString() }
  }
  const read = await readDashboardSnapshot(db, plan.id, () => true, windowOf)
  const context = { ...base, programmes: read.programmes, snowRoutes: read.snowRoutes, snowEvents: read.snowEvents }
  const progress = computeAllProgress(read.objectives, read.settings, [], context, read.aggregates)
  return read.objectives.flatMap((o) => {
    const p = progress.get(o.id)
    return p ? [{ objectiveId: o.id, value: p.value, target: p.target, unit: p.unit, status: p.status }] : []
  })
}
