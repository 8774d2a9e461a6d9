/**
 * Stable codes of a refused work-order action, as ~/domain/validation/codes does for entries: the
 * UI translates them (workOrderProblem.* in messages.ts); the server refuses with the same words.
 */
export const WORK_ORDER_CODES = [
  'not_manager',
  'not_assignee',
  'assignee_required',
  'assignee_outside_area',
  'order_closed',
  'reason_required',
  'invalid_reason',
  'original_required',
  'duplicate_of_itself',
  'invalid_priority',
  'invalid_date',
  'due_before_report',
  'resolved_before_report',
  'note_required',
  'too_long',
  'contact_required',
] as const
export type WorkOrderCode = (typeof WORK_ORDER_CODES)[number]

/** Field (or "" for the action as a whole) → why it was refused. */
export type WorkOrderProblems = Record<string, WorkOrderCode>
