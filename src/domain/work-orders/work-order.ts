import type { ReportStatus } from '~/domain/entry'
import type { ReportCategory } from '~/domain/entry-payloads'

/**
 * A maintenance report seen as a work order (issue 13): who fixes it, how urgently, by when.
 * The work status is the report's own `Entry.status`; the rest is the manager's triage.
 */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export type Priority = (typeof PRIORITIES)[number]

export const DECLINE_REASONS = ['not_ours', 'duplicate'] as const
export type DeclineReason = (typeof DECLINE_REASONS)[number]

/** A declined report: not the comune's to fix, or a duplicate that counts once, through its original. */
export type Decline = { reason: 'not_ours' } | { reason: 'duplicate'; duplicateOf: string }

export interface HandBack {
  by: string
  reason: string
}

export interface WorkOrder {
  id: string
  /** Who logged the report: until it is assigned, they (or a manager) move it on, as before issue 13. */
  authorId: string
  category: ReportCategory
  reportedAt: string
  status: ReportStatus
  resolvedAt: string | null
  assignees: string[]
  priority: Priority
  /** A due day the manager set (YYYY-MM-DD, Rome); null means day 8, the PIAO's rule. */
  dueOn: string | null
  decline: Decline | null
  /** The last time an assignee gave the order back, and why; cleared by the next assignment. */
  handedBack: HandBack | null
  /** What the assignee wrote on resolving it. */
  resolutionNote: string | null
}

/** Where an order stands in the manager's queue. */
export const STAGES = ['new', 'assigned', 'in_progress', 'resolved', 'declined'] as const
export type Stage = (typeof STAGES)[number]

export function stageOf(order: WorkOrder): Stage {
  if (order.decline) return 'declined'
  if (order.status === 'resolved') return 'resolved'
  if (order.status === 'in_progress') return 'in_progress'
  return order.assignees.length > 0 ? 'assigned' : 'new'
}

/** Resolved and declined orders take no more work. */
export function isClosed(order: WorkOrder): boolean {
  const stage = stageOf(order)
  return stage === 'resolved' || stage === 'declined'
}
