import type { Entry } from '~/domain/entry'
import type { Objective } from '~/domain/objective'
import type { ObjectiveSetting, Programme, SnowEvent, SnowRoute } from '~/domain/plan-data'
import type { EntryTally } from '~/domain/progress'
import type { SulCampoDb } from './database'
import { readLastSuccessAt } from './sync-meta'

/** Everything the dashboard computes from, read in one consistent snapshot. */
export interface DashboardSnapshot {
  objectives: Objective[]
  /** Entries of the objectives that need them row by row. */
  entries: Entry[]
  /** Counts in the period for tallied objectives (see isTallied): counted on the index, not read. */
  tallies: Map<string, EntryTally>
  settings: ObjectiveSetting[]
  programmes: Programme[]
  snowRoutes: SnowRoute[]
  snowEvents: SnowEvent[]
  lastSyncAt: string | null
}

const live = <T extends { deleted: boolean }>(rows: T[]) => rows.filter((r) => !r.deleted)

/** The [start, end) ISO window to count an objective's entries in, or null to read its rows. */
export type TallyWindow = (objective: Objective) => { startIso: string; endIso: string } | null

async function tally(db: SulCampoDb, objectiveId: string, window: { startIso: string; endIso: string }): Promise<EntryTally> {
  const range = () => db.entries.where('[objectiveId+occurredAt]').between([objectiveId, window.startIso], [objectiveId, window.endIso], true, false)
  const [count, latest] = await Promise.all([range().count(), range().last()])
  return { count, lastUpdate: latest?.updatedAt ?? null }
}

/**
 * One read transaction, so the figures never mix rows from before and after a sync. Entries are
 * read only for the visible objectives (a manager's device may hold other areas' rows); those that
 * only need a count are counted on the [objectiveId+occurredAt] index: reading 100,000 rows out of
 * IndexedDB takes seconds on a phone, counting them takes milliseconds.
 */
export async function readDashboardSnapshot(db: SulCampoDb, planId: string, visible: (o: Objective) => boolean, tallyWindow: TallyWindow): Promise<DashboardSnapshot> {
  return db.transaction('r', [db.objectives, db.entries, db.objectiveSettings, db.programmes, db.snowRoutes, db.snowEvents, db.meta], async () => {
    const objectives = (await db.objectives.where('planId').equals(planId).toArray()).filter(visible)
    const windows = objectives.map((o) => [o.id, tallyWindow(o)] as const)
    const [perObjective, tallies, settings, programmes, snowRoutes, snowEvents, lastSyncAt] = await Promise.all([
      // One getAll per objective: an `anyOf` walks a cursor row by row, an order of magnitude slower.
      Promise.all(windows.filter(([, w]) => w === null).map(([id]) => readEntriesOf(db, id))),
      Promise.all(windows.flatMap(([id, w]) => (w ? [tally(db, id, w).then((t) => [id, t] as const)] : []))),
      db.objectiveSettings.toArray(),
      db.programmes.toArray(),
      db.snowRoutes.toArray(),
      db.snowEvents.toArray(),
      readLastSuccessAt(db),
    ])
    return {
      objectives,
      entries: perObjective.flat(),
      tallies: new Map(tallies),
      settings: live(settings),
      programmes: live(programmes),
      snowRoutes: live(snowRoutes),
      snowEvents: live(snowEvents),
      lastSyncAt,
    }
  })
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
