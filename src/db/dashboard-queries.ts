import type { Entry } from '~/domain/entry'
import type { Objective } from '~/domain/objective'
import type { ObjectiveSetting, Programme, SnowEvent, SnowRoute } from '~/domain/plan-data'
import type { ObjectiveAggregate } from '~/domain/progress'
import { leaveOutReports } from '~/domain/progress/aggregate'
import type { SulCampoDb } from './database'
import { readObjectiveAggregate, type StatsWindow } from './objective-stats-read'
import { readLastSuccessAt } from './sync-meta'
import { declinedReports } from './work-orders-repo'

/** Everything the dashboard computes from, read in one consistent snapshot. */
export interface DashboardSnapshot {
  objectives: Objective[]
  /** What each objective's figure needs from its entries, summed from the monthly stats. */
  aggregates: Map<string, ObjectiveAggregate>
  settings: ObjectiveSetting[]
  programmes: Programme[]
  snowRoutes: SnowRoute[]
  snowEvents: SnowEvent[]
  lastSyncAt: string | null
}

const live = <T extends { deleted: boolean }>(rows: T[]) => rows.filter((r) => !r.deleted)

/** The window each objective's figure is measured over, for the year shown. */
export type FigureWindow = (objective: Objective) => StatsWindow

/**
 * One read transaction, so the figures never mix rows from before and after a sync. Entries are
 * not read: each objective's figure comes from its monthly stats (kept on every write), which
 * answers in milliseconds what reading 100,000 rows out of IndexedDB answers in seconds.
 */
export async function readDashboardSnapshot(db: SulCampoDb, planId: string, visible: (o: Objective) => boolean, windowOf: FigureWindow): Promise<DashboardSnapshot> {
  return db.transaction('r', [db.objectives, db.entries, db.objectiveStats, db.objectiveSettings, db.programmes, db.snowRoutes, db.snowEvents, db.meta, db.workOrders], async () => {
    const objectives = (await db.objectives.where('planId').equals(planId).toArray()).filter(visible)
    const declined = await declinedReports(db)
    const [aggregates, settings, programmes, snowRoutes, snowEvents, lastSyncAt] = await Promise.all([
      Promise.all(objectives.map(async (o) => [o.id, await countedAggregate(db, o, windowOf(o), declined)] as const)),
      db.objectiveSettings.toArray(),
      db.programmes.toArray(),
      db.snowRoutes.toArray(),
      db.snowEvents.toArray(),
      readLastSuccessAt(db),
    ])
    return {
      objectives,
      aggregates: new Map(aggregates),
      settings: live(settings),
      programmes: live(programmes),
      snowRoutes: live(snowRoutes),
      snowEvents: live(snowEvents),
      lastSyncAt,
    }
  })
}

/** An objective's aggregate without the declined and duplicate reports of its window. */
async function countedAggregate(db: SulCampoDb, objective: Objective, window: StatsWindow, declined: Entry[]): Promise<ObjectiveAggregate> {
  const aggregate = await readObjectiveAggregate(db, objective, window)
  const counted = objective.indicator.entryKinds.includes('maintenance_report')
  const inWindow = (e: Entry) => e.objectiveId === objective.id && e.occurredAt >= window.startIso && e.occurredAt < window.endIso
  if (counted) leaveOutReports(aggregate, declined.filter(inWindow))
  return aggregate
}

/** Every live entry of one objective (the objective page, the exports). */
export async function readEntriesOf(db: SulCampoDb, objectiveId: string): Promise<Entry[]> {
  return live(await db.entries.where('objectiveId').equals(objectiveId).toArray())
}

/** Entries waiting for a manager's review: not locked yet, newest first. */
export async function unlockedEntries(db: SulCampoDb, objectiveIds: string[], limit = 200): Promise<Entry[]> {
  const rows = await db.entries.where('objectiveId').anyOf(objectiveIds).filter((e) => !e.locked && !e.deleted).toArray()
  return rows.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)).slice(0, limit)
}

/** What the administration page edits: the plan data a manager keeps, and entries awaiting review. */
export interface PlanDataSnapshot {
  settings: ObjectiveSetting[]
  programmes: Programme[]
  snowRoutes: SnowRoute[]
  toReview: Entry[]
}

export async function readPlanData(db: SulCampoDb, objectiveIds: string[]): Promise<PlanDataSnapshot> {
  const [settings, programmes, snowRoutes, toReview] = await Promise.all([
    db.objectiveSettings.toArray(),
    db.programmes.toArray(),
    db.snowRoutes.orderBy('priority').toArray(),
    unlockedEntries(db, objectiveIds),
  ])
  return { settings: live(settings), programmes: live(programmes), snowRoutes: live(snowRoutes), toReview }
}
