import type { Entry } from '~/domain/entry'
import type { MaintenanceReportPayload } from '~/domain/entry-payloads'
import { clockAt, type Clock } from '~/domain/work-orders/clock'
import type { WorkOrderProblems } from '~/domain/work-orders/codes'
import type { Checked } from '~/domain/work-orders/lifecycle'
import { workOrderOf, type WorkOrderRecord } from '~/domain/work-orders/record'
import { PRIORITIES, STAGES, stageOf, type Stage, type WorkOrder } from '~/domain/work-orders/work-order'

/** One report in the manager's queue: the report, its order and where its 8-day clock stands. */
export interface QueueRow {
  report: Entry
  payload: MaintenanceReportPayload
  order: WorkOrder
  stage: Stage
  clock: Clock
}

export interface QueueCounts {
  /** Open work past its due day. */
  overdue: number
  /** Open work due today. */
  dueToday: number
  byStage: Record<Stage, number>
}

/** Higher is more urgent: PRIORITIES runs from low to urgent. */
const URGENCY = Object.fromEntries(PRIORITIES.map((p, i) => [p, i])) as Record<string, number>

/** The queue's rows, soonest due first, then the more urgent, then the older report. */
export function queueRows(reports: Entry[], records: Map<string, WorkOrderRecord>, now: string | number): QueueRow[] {
  const rows = reports.map((report): QueueRow => {
    const order = workOrderOf(report, records.get(report.id))
    return { report, payload: report.payload as unknown as MaintenanceReportPayload, order, stage: stageOf(order), clock: clockAt(order, now) }
  })
  return rows.sort(
    (a, b) =>
      a.clock.dueDate.localeCompare(b.clock.dueDate) ||
      URGENCY[b.order.priority]! - URGENCY[a.order.priority]! ||
      a.order.reportedAt.localeCompare(b.order.reportedAt),
  )
}

/**
 * A stage's rows as the manager reads them: work still to do soonest due first (as queueRows
 * sorts), the resolved newest first (the order their page is read in), since their due days have passed.
 */
export function rowsOfStage(rows: QueueRow[], stage: Stage): QueueRow[] {
  const ofStage = rows.filter((row) => row.stage === stage)
  return stage === 'resolved' ? ofStage.sort((a, b) => b.report.occurredAt.localeCompare(a.report.occurredAt)) : ofStage
}

const isOpenWork = (row: QueueRow) => row.stage === 'new' || row.stage === 'assigned' || row.stage === 'in_progress'

export function queueCounts(rows: QueueRow[]): QueueCounts {
  const byStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>
  let overdue = 0
  let dueToday = 0
  for (const row of rows) {
    byStage[row.stage]++
    if (!isOpenWork(row)) continue
    if (row.clock.state === 'overdue') overdue++
    else if (row.clock.state === 'due_today') dueToday++
  }
  return { overdue, dueToday, byStage }
}

/** Each report's refusal after an action on one of them: kept when refused, cleared when saved. */
export function problemsAfter(problems: Record<string, WorkOrderProblems>, reportId: string, checked: Checked): Record<string, WorkOrderProblems> {
  const { [reportId]: _, ...others } = problems
  return checked.ok ? others : { ...others, [reportId]: checked.problems }
}
