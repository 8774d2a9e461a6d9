import type { Entry } from '~/domain/entry'
import type { MaintenanceReportPayload } from '~/domain/entry-payloads'
import type { WorkOrderAction } from './lifecycle'
import type { Decline, DeclineReason, Priority, WorkOrder } from './work-order'

/**
 * The synced `work_order` record as the device and the server hold it (camelCase on the wire,
 * public.work_orders on the server): one per maintenance report, with the report's id. It carries
 * the triage and the worker's note; the work status stays on the report (Entry.status).
 */
export interface WorkOrderRecord {
  id: string
  assignees: string[]
  priority: Priority
  dueOn: string | null
  declineReason: DeclineReason | null
  duplicateOf: string | null
  handBackReason: string | null
  /** Set by the server to whoever handed the order back. */
  handedBackBy: string | null
  resolutionNote: string | null
  createdAt: string
  updatedAt: string
  updatedBy: string | null
  /** Server version; 0 while the record has never reached the server. */
  version: number
  deleted: boolean
}

/** The record of a report nobody triaged yet, as the server's defaults would make it. */
export function untriagedRecord(reportId: string, now: string): WorkOrderRecord {
  return {
    id: reportId,
    assignees: [],
    priority: 'normal',
    dueOn: null,
    declineReason: null,
    duplicateOf: null,
    handBackReason: null,
    handedBackBy: null,
    resolutionNote: null,
    createdAt: now,
    updatedAt: now,
    updatedBy: null,
    version: 0,
    deleted: false,
  }
}

/** Why the order was declined, if it was. */
export function declineOf(record: WorkOrderRecord): Decline | null {
  if (record.declineReason === 'duplicate' && record.duplicateOf) return { reason: 'duplicate', duplicateOf: record.duplicateOf }
  return record.declineReason === 'not_ours' ? { reason: 'not_ours' } : null
}

/** The report and its record seen as one work order (no record: not triaged yet). */
export function workOrderOf(report: Entry, record: WorkOrderRecord | undefined): WorkOrder {
  const payload = report.payload as unknown as MaintenanceReportPayload
  const r = record ?? untriagedRecord(report.id, report.createdAt)
  return {
    id: report.id,
    authorId: report.authorId,
    category: payload.category,
    reportedAt: payload.reportedAt,
    status: report.status ?? 'open',
    resolvedAt: payload.resolvedAt ?? null,
    assignees: r.assignees,
    priority: r.priority,
    dueOn: r.dueOn,
    decline: declineOf(r),
    handedBack: r.handBackReason ? { by: r.handedBackBy ?? '', reason: r.handBackReason } : null,
    resolutionNote: r.resolutionNote,
  }
}

/** The fields of the record a client sends (the rest is the server's). */
type RecordFields = Pick<WorkOrderRecord, 'assignees' | 'priority' | 'dueOn' | 'declineReason' | 'duplicateOf' | 'handBackReason' | 'resolutionNote'>

function recordFields(order: WorkOrder): RecordFields {
  return {
    assignees: order.assignees,
    priority: order.priority,
    dueOn: order.dueOn,
    declineReason: order.decline?.reason ?? null,
    duplicateOf: order.decline?.reason === 'duplicate' ? order.decline.duplicateOf : null,
    handBackReason: order.handedBack?.reason ?? null,
    resolutionNote: order.resolutionNote,
  }
}

function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const changed: Partial<T> = {}
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = after[key]
  }
  return changed
}

export interface PlannedWrite<T> {
  op: 'insert' | 'update'
  row: T
  /** What travels: the changed fields (writeChange sends an insert's whole row). */
  data: Record<string, unknown>
}

export interface WorkOrderWrites {
  report: PlannedWrite<Entry> | null
  record: PlannedWrite<WorkOrderRecord> | null
}

/**
 * What an accepted action changes on the device, and so what goes to the server: the report for
 * the work status (start, resolve), the record for the rest. A hand-back moves only the record:
 * the server reopens the report when the last assignee hands it back, since the one handing it
 * back may no longer change the report.
 */
export function plannedWrites(
  report: Entry,
  record: WorkOrderRecord | undefined,
  action: WorkOrderAction,
  after: WorkOrder,
  by: string,
  now: string,
): WorkOrderWrites {
  const base = record ?? untriagedRecord(report.id, now)
  const recordChanges = changedFields(recordFields(workOrderOf(report, base)), recordFields(after))
  const handedBack = action.type === 'hand_back' ? { handedBackBy: by } : {}
  const recordWrite: PlannedWrite<WorkOrderRecord> | null =
    Object.keys(recordChanges).length === 0
      ? null
      : {
          op: record ? 'update' : 'insert',
          row: { ...base, ...recordChanges, ...handedBack, updatedAt: now, updatedBy: by },
          data: { ...recordChanges },
        }
  const works = action.type === 'start' || action.type === 'resolve'
  const payload = report.payload as unknown as MaintenanceReportPayload
  const reportChanges = works && (after.status !== report.status || after.resolvedAt !== payload.resolvedAt)
    ? { status: after.status, payload: { ...report.payload, resolvedAt: after.resolvedAt } }
    : null
  return {
    report: reportChanges && { op: 'update', row: { ...report, ...reportChanges, updatedAt: now }, data: reportChanges },
    record: recordWrite,
  }
}
