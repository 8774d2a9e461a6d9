import type { Entry } from '~/domain/entry'
import type { WorkOrderRecord } from '~/domain/work-orders/record'
import { isClosed } from '~/domain/work-orders/work-order'
import { queueRows, type QueueRow } from './queue'

/**
 * The crew's "assigned to me": the orders someone still has to work on, in the queue's order
 * (soonest due first, then the more urgent, then the older report). Every report has a due day,
 * the manager's or day 8 of the PIAO's rule, so none sorts last for lack of one.
 */
export function assignedRows(reports: Entry[], records: Map<string, WorkOrderRecord>, userId: string, now: string | number): QueueRow[] {
  return queueRows(reports, records, now).filter((row) => row.order.assignees.includes(userId) && !isClosed(row.order))
}
