import type { Entry } from '~/domain/entry'
import { applyAction, type ActionContext, type Checked, type WorkOrderAction } from '~/domain/work-orders/lifecycle'
import { plannedWrites, workOrderOf, type WorkOrderRecord, type WorkOrderWrites } from '~/domain/work-orders/record'
import { DECLINE_REASONS } from '~/domain/work-orders/work-order'
import type { SulCampoDb } from './database'
import { writeChange } from './local-writes'
import { newPhotoRows, type NewPhoto } from './photos-repo'

/** The work-order records of some reports (missing: not triaged yet). */
export async function workOrderRecords(db: SulCampoDb, reportIds: string[]): Promise<Map<string, WorkOrderRecord>> {
  const rows = await db.workOrders.bulkGet(reportIds)
  return new Map(rows.flatMap((row) => (row && !row.deleted ? [[row.id, row] as const] : [])))
}

/** Live reports whose order was declined (not the comune's, or a duplicate): no figure counts them. */
export async function declinedReports(db: SulCampoDb): Promise<Entry[]> {
  const declined = await db.workOrders.where('declineReason').anyOf(DECLINE_REASONS).filter((row) => !row.deleted).primaryKeys()
  const reports = await db.entries.bulkGet(declined)
  return reports.filter((e): e is Entry => e !== undefined && !e.deleted && e.kind === 'maintenance_report')
}

/** The records assigned to someone, on the multi-entry index of assignees. */
export async function recordsAssignedTo(db: SulCampoDb, userId: string): Promise<WorkOrderRecord[]> {
  return (await db.workOrders.where('assignees').equals(userId).toArray()).filter((row) => !row.deleted)
}

/** The live reports assigned to someone, with their records: the crew's "assigned to me". */
export async function reportsAssignedTo(db: SulCampoDb, userId: string): Promise<{ reports: Entry[]; records: Map<string, WorkOrderRecord> }> {
  return db.transaction('r', [db.entries, db.workOrders], async () => {
    const records = await recordsAssignedTo(db, userId)
    const reports = (await db.entries.bulkGet(records.map((r) => r.id))).filter(
      (e): e is Entry => e !== undefined && !e.deleted && e.kind === 'maintenance_report',
    )
    return { reports, records: new Map(records.map((r) => [r.id, r])) }
  })
}

/**
 * Saves an accepted work-order action: the report's and the record's change with their outbox
 * mutations in ONE strict transaction (the app connection's), so "Salvato" means both are on
 * disk and both will be sent, report first (the server checks a resolution against the order
 * as it stood when it was assigned).
 */
export async function saveWorkOrderWrites(db: SulCampoDb, writes: WorkOrderWrites, authorId: string): Promise<void> {
  await db.transaction('rw', [db.entries, db.workOrders, db.outbox], async () => {
    if (writes.report) await writeChange<Entry>(db, { entity: 'entry', authorId, ...writes.report })
    if (writes.record) await writeChange<WorkOrderRecord>(db, { entity: 'work_order', authorId, ...writes.record })
  })
}

export interface ActOptions {
  now?: string
  /** Photos that go with the action (the crew's after-photo on resolving): the actor's, on the report. */
  photos?: NewPhoto[]
}

/**
 * One action on the order of a report as this device holds it, checked and saved with its photos
 * in one transaction: a refused action writes nothing, no photo either, and says why, offline as online.
 */
export async function actOnWorkOrder(db: SulCampoDb, reportId: string, action: WorkOrderAction, context: ActionContext, options: ActOptions = {}): Promise<Checked> {
  const { now = new Date().toISOString(), photos = [] } = options
  return db.transaction('rw', [db.entries, db.workOrders, db.outbox, db.photos], async () => {
    const report = await db.entries.get(reportId)
    if (!report || report.deleted || report.kind !== 'maintenance_report') return { ok: false, problems: { '': 'not_assignee' } }
    const record = (await workOrderRecords(db, [reportId])).get(reportId)
    const checked = applyAction(workOrderOf(report, record), action, context)
    if (!checked.ok) return checked
    const by = context.actor.userId
    await saveWorkOrderWrites(db, plannedWrites(report, record, action, checked.order, by, now), by)
    await db.photos.bulkAdd(newPhotoRows(reportId, photos, now, by))
    return checked
  })
}
