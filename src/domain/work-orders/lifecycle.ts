import { TEXT_LIMITS } from '~/domain/entry-payloads'
import { dayNumberOfDate, romeDayNumber } from '~/domain/progress/rome-calendar'
import type { WorkOrderCode, WorkOrderProblems } from './codes'
import { DECLINE_REASONS, PRIORITIES, isClosed, type Priority, type WorkOrder } from './work-order'

/**
 * What people do to a work order: the manager assigns, sets priority and due day, declines; the
 * assignee starts, resolves or hands back. Each action is checked first: a refused action changes
 * nothing and says why, with the same codes offline and on the server.
 */
export type ManagerAction =
  | { type: 'assign'; assignees: string[] }
  | { type: 'prioritise'; priority: string }
  | { type: 'set_due'; dueOn: string | null }
  | { type: 'decline'; reason: string; duplicateOf?: string | null }

export type WorkerAction = { type: 'start' } | { type: 'resolve'; at: string; note: string } | { type: 'hand_back'; reason: string }

export type WorkOrderAction = ManagerAction | WorkerAction

const MANAGER_ACTIONS: ReadonlySet<string> = new Set<ManagerAction['type']>(['assign', 'prioritise', 'set_due', 'decline'])
const isManagerAction = (action: WorkOrderAction): action is ManagerAction => MANAGER_ACTIONS.has(action.type)

export interface Actor {
  userId: string
  /** Manager of the report's area, or an admin. */
  managesArea: boolean
}

export interface ActionContext {
  actor: Actor
  /** Who works in the report's area: the only people it can be assigned to. */
  areaMembers: ReadonlySet<string>
}

export type Checked = { ok: true; order: WorkOrder } | { ok: false; problems: WorkOrderProblems }

const refuse = (field: string, code: WorkOrderCode): Checked => ({ ok: false, problems: { [field]: code } })
const accept = (order: WorkOrder): Checked => ({ ok: true, order })
const isOneOf = <T extends string>(options: readonly T[], value: string): value is T => (options as readonly string[]).includes(value)

/** Once assigned, the work belongs to its assignees; before that, to its author and the managers, as before issue 13. */
function mayWork(order: WorkOrder, actor: Actor): boolean {
  if (order.assignees.length > 0) return order.assignees.includes(actor.userId)
  return actor.managesArea || order.authorId === actor.userId
}

/** Text a person must write (a reason, a note): trimmed, required, within the limit. */
function requiredText(text: string, field: string, missing: WorkOrderCode): { text: string } | Checked {
  const trimmed = text.trim()
  if (!trimmed) return refuse(field, missing)
  return trimmed.length > TEXT_LIMITS.long ? refuse(field, 'too_long') : { text: trimmed }
}

function isDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))
}

function decline(order: WorkOrder, reason: string, duplicateOf: string | null | undefined): Checked {
  if (!reason) return refuse('reason', 'reason_required')
  if (!isOneOf(DECLINE_REASONS, reason)) return refuse('reason', 'invalid_reason')
  if (reason === 'not_ours') return accept({ ...order, decline: { reason } })
  if (!duplicateOf) return refuse('duplicateOf', 'original_required')
  if (duplicateOf === order.id) return refuse('duplicateOf', 'duplicate_of_itself')
  return accept({ ...order, decline: { reason, duplicateOf } })
}

function byManager(order: WorkOrder, action: ManagerAction, areaMembers: ReadonlySet<string>): Checked {
  switch (action.type) {
    case 'assign': {
      const assignees = [...new Set(action.assignees)]
      if (assignees.length === 0) return refuse('assignees', 'assignee_required')
      if (assignees.some((id) => !areaMembers.has(id))) return refuse('assignees', 'assignee_outside_area')
      return accept({ ...order, assignees, handedBack: null })
    }
    case 'prioritise':
      if (!isOneOf<Priority>(PRIORITIES, action.priority)) return refuse('priority', 'invalid_priority')
      return accept({ ...order, priority: action.priority })
    case 'set_due':
      if (action.dueOn === null) return accept({ ...order, dueOn: null })
      if (!isDate(action.dueOn)) return refuse('dueOn', 'invalid_date')
      if (dayNumberOfDate(action.dueOn) < romeDayNumber(order.reportedAt)) return refuse('dueOn', 'due_before_report')
      return accept({ ...order, dueOn: action.dueOn })
    case 'decline':
      return decline(order, action.reason, action.duplicateOf)
  }
}

function byWorker(order: WorkOrder, action: WorkerAction, actor: Actor): Checked {
  switch (action.type) {
    case 'start':
      return accept({ ...order, status: 'in_progress' })
    case 'resolve': {
      const at = Date.parse(action.at)
      if (Number.isNaN(at)) return refuse('at', 'invalid_date')
      if (at < Date.parse(order.reportedAt)) return refuse('at', 'resolved_before_report')
      const note = requiredText(action.note, 'note', 'note_required')
      if (!('text' in note)) return note
      return accept({ ...order, status: 'resolved', resolvedAt: new Date(at).toISOString(), resolutionNote: note.text })
    }
    case 'hand_back': {
      if (!order.assignees.includes(actor.userId)) return refuse('', 'not_assignee')
      const reason = requiredText(action.reason, 'reason', 'reason_required')
      if (!('text' in reason)) return reason
      const assignees = order.assignees.filter((id) => id !== actor.userId)
      // The last assignee to hand back returns the order to the queue; a teammate left on it carries on.
      const status = assignees.length === 0 ? 'open' : order.status
      return accept({ ...order, assignees, status, handedBack: { by: actor.userId, reason: reason.text } })
    }
  }
}

/** The order after the action, or why it is refused (and then nothing changes). */
export function applyAction(order: WorkOrder, action: WorkOrderAction, context: ActionContext): Checked {
  // A resolved report found to be a duplicate is still declined, so the figure counts it once.
  if (isClosed(order) && action.type !== 'decline') return refuse('', 'order_closed')
  if (isManagerAction(action)) {
    return context.actor.managesArea ? byManager(order, action, context.areaMembers) : refuse('', 'not_manager')
  }
  if (!mayWork(order, context.actor)) return refuse('', 'not_assignee')
  return byWorker(order, action, context.actor)
}
