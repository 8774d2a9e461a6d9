import Dexie from 'dexie'
import type { AreaId } from '~/domain/areas'
import type { Entry, ReportStatus } from '~/domain/entry'
import type { WorkOrderRecord } from '~/domain/work-orders/record'
import { DECLINE_REASONS } from '~/domain/work-orders/work-order'
import type { SulCampoDb } from './database'
import { workOrderRecords } from './work-orders-repo'

/**
 * What the manager's queue reads on opening (issue 13: ≤ 100 ms over 20,000 reports). An area
 * piles up resolved reports year after year while its open work stays small, so the queue reads
 * whole rows only for the open work (the `status` index; only maintenance reports have a
 * status), the declined orders (the `declineReason` index), and the newest page of resolved ones
 * when the manager asks for it. The resolved are counted from the monthly objective stats the
 * dashboard reads: IndexedDB counts an index range by walking it, 60 ms for 20,000 keys.
 */
export interface QueueRead {
  /** Open and in-progress reports, declined ones, then the requested resolved page. */
  reports: Entry[]
  records: Map<string, WorkOrderRecord>
  /** Resolved reports of the area that are not declined, shown or not. */
  resolvedCount: number
}

const OPEN_STATUSES: ReportStatus[] = ['open', 'in_progress']

const isLiveReportOf = (objectives: ReadonlySet<string>) => (e: Entry | undefined): e is Entry =>
  e !== undefined && !e.deleted && e.kind === 'maintenance_report' && objectives.has(e.objectiveId)

/**
 * One getAll per key, concatenated: Dexie walks `anyOf` and `filter` with a cursor, a round trip
 * per row, where an `equals` without a filter is a single getAll.
 */
async function eachKey<K, T>(keys: readonly K[], read: (key: K) => Promise<T[]>): Promise<T[]> {
  return (await Promise.all(keys.map(read))).flat()
}

/** Resolved reports of the objectives, declined or not: the stats' histogram of days to fix, summed. */
async function resolvedInStats(db: SulCampoDb, objectives: string[]): Promise<number> {
  const rows = (await eachKey(objectives, (id) => db.objectiveStats.where('objectiveId').equals(id).toArray())).filter((row) => row.kind === 'maintenance_report')
  return rows.reduce((sum, row) => Object.values(row.resolvedDays).reduce((n, count) => n + count, sum), 0)
}

/** The newest `limit` resolved, not declined reports of the area: a reverse walk of each objective's dates, merged. */
async function newestResolved(db: SulCampoDb, objectives: string[], declined: ReadonlySet<string>, limit: number): Promise<Entry[]> {
  if (limit <= 0) return []
  const perObjective = await Promise.all(
    objectives.map((id) =>
      db.entries
        .where('[objectiveId+occurredAt]')
        .between([id, Dexie.minKey], [id, Dexie.maxKey])
        .reverse()
        .filter((e) => e.status === 'resolved' && e.kind === 'maintenance_report' && !e.deleted && !declined.has(e.id))
        .limit(limit)
        .toArray(),
    ),
  )
  return perObjective
    .flat()
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
    .slice(0, limit)
}

export async function readQueue(db: SulCampoDb, area: AreaId, resolvedLimit: number): Promise<QueueRead> {
  return db.transaction('r', [db.objectives, db.entries, db.workOrders, db.objectiveStats], async () => {
    const objectives = (await db.objectives.where('areaId').equals(area).primaryKeys()) as string[]
    const ofArea = isLiveReportOf(new Set(objectives))
    const [open, declinedRecords, resolvedTotal] = await Promise.all([
      eachKey(OPEN_STATUSES, (status) => db.entries.where('status').equals(status).toArray()).then((rows) => rows.filter(ofArea)),
      eachKey(DECLINE_REASONS, (reason) => db.workOrders.where('declineReason').equals(reason).toArray()).then((rows) => rows.filter((row) => !row.deleted)),
      resolvedInStats(db, objectives),
    ])
    const declined = new Set(declinedRecords.map((row) => row.id))
    const openIds = new Set(open.map((e) => e.id))
    const [declinedResolved, openRecords, resolvedPage] = await Promise.all([
      db.entries.bulkGet([...declined].filter((id) => !openIds.has(id))).then((rows) => rows.filter(ofArea).filter((e) => e.status === 'resolved')),
      workOrderRecords(db, [...openIds]),
      newestResolved(db, objectives, declined, resolvedLimit),
    ])
    const records = new Map([...openRecords, ...declinedRecords.map((row) => [row.id, row] as const), ...(await workOrderRecords(db, resolvedPage.map((e) => e.id)))])
    return { reports: [...open, ...declinedResolved, ...resolvedPage], records, resolvedCount: resolvedTotal - declinedResolved.length }
  })
}
