import { WORK_ORDER_CODES, type WorkOrderCode } from '~/domain/work-orders/codes'

/** The message of a reject code: a work-order refusal reads as it does offline (workOrderProblem.*). */
export function rejectMessageKey(code: string): string {
  return (WORK_ORDER_CODES as readonly string[]).includes(code as WorkOrderCode) ? `workOrderProblem.${code}` : `syncStatus.reject.${code}`
}
