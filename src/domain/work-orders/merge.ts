import type { ReportStatus } from '~/domain/entry'
import type { Actor } from './lifecycle'
import type { WorkOrder } from './work-order'

/**
 * When two people act on one order offline, the second to sync arrives on a version the first
 * already changed. Each field then has an owner (issue 13): the assignment, priority, due day and
 * decline are the manager's; the work status is the assignee's. The owner's value wins; the other
 * is not lost but kept in the entry's history. The server applies the same rule (supabase/migrations).
 */
export const FIELD_OWNERS = {
  assignees: 'manager',
  priority: 'manager',
  dueOn: 'manager',
  decline: 'manager',
  status: 'assignee',
} as const
export type SharedField = keyof typeof FIELD_OWNERS

/** Fields that travel with a shared one: a lost resolution loses its date and note too. */
const COMPANIONS: Partial<Record<keyof WorkOrder, SharedField>> = {
  resolvedAt: 'status',
  resolutionNote: 'status',
  handedBack: 'assignees',
}

const STATUS_RANK: Record<ReportStatus, number> = { open: 0, in_progress: 1, resolved: 2 }

/** Ownership is read on the order as it stands: someone taken off an order no longer owns its status. */
export function ownsField(field: SharedField, actor: Actor, order: WorkOrder): boolean {
  return FIELD_OWNERS[field] === 'manager' ? actor.managesArea : order.assignees.includes(actor.userId)
}

/**
 * Whether the late value replaces the stored one. An owner beats a non-owner. Between equals the
 * stored value stays, except the work status, where the further step wins (the rule before issue 13).
 */
export function lateValueWins(field: SharedField, order: WorkOrder, stored: { by: Actor }, late: { by: Actor; value: unknown }): boolean {
  const storedOwns = ownsField(field, stored.by, order)
  const lateOwns = ownsField(field, late.by, order)
  if (storedOwns !== lateOwns) return lateOwns
  return field === 'status' && STATUS_RANK[late.value as ReportStatus] > STATUS_RANK[order.status]
}

export interface LostValue {
  field: keyof WorkOrder
  kept: unknown
  lost: unknown
  /** Whose value lost. */
  lostBy: string
}

export interface Merged {
  order: WorkOrder
  lost: LostValue[]
}

export type OrderChanges = Partial<Omit<WorkOrder, 'id' | 'authorId' | 'reportedAt' | 'category'>>

/**
 * Applies a late change to the stored order. `changedSince` names, for each shared field someone
 * else changed after the late change's base, who did: only those fields are contested.
 */
export function mergeLateChange(order: WorkOrder, changes: OrderChanges, by: Actor, changedSince: Partial<Record<SharedField, Actor>>): Merged {
  const losing = new Set<SharedField>()
  for (const field of Object.keys(FIELD_OWNERS) as SharedField[]) {
    const storedBy = changedSince[field]
    if (!(field in changes) || !storedBy || sameValue(changes[field], order[field])) continue
    if (!lateValueWins(field, order, { by: storedBy }, { by, value: changes[field] })) losing.add(field)
  }
  const merged: WorkOrder = { ...order }
  const lost: LostValue[] = []
  for (const [key, value] of Object.entries(changes) as [keyof OrderChanges, unknown][]) {
    const leader = key in FIELD_OWNERS ? (key as SharedField) : COMPANIONS[key]
    if (leader && losing.has(leader)) {
      if (!sameValue(value, order[key])) lost.push({ field: key, kept: order[key], lost: value, lostBy: by.userId })
    } else {
      Object.assign(merged, { [key]: value })
    }
  }
  return { order: merged, lost }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
