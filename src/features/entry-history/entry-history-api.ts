import * as v from 'valibot'
import { callServerRpc, readRpcAnswer } from '~/sync/server-rpc'

/**
 * The server's history of one entry (migration 20261126000007, `entry_changes`), oldest first:
 * whoever may read the entry may read it. A work order's changes are under its report's id.
 * A call without an answer throws a ServerRpcError (no server, offline, a failure).
 */
export const CHANGE_REASONS = ['edit', 'conflict_overwritten', 'conflict_lost'] as const
export type ChangeReason = (typeof CHANGE_REASONS)[number]

const EntryChangeSchema = v.object({
  /** The wire name: 'status', 'workOrder.priority', 'payload.description'… */
  field: v.string(),
  version: v.number(),
  /** For conflict_lost: the value kept. */
  oldValue: v.unknown(),
  /** For conflict_lost: the value that lost and was not applied. */
  newValue: v.unknown(),
  reason: v.picklist(CHANGE_REASONS),
  changedBy: v.nullable(v.string()),
  changedAt: v.string(),
})
export type EntryChange = v.InferOutput<typeof EntryChangeSchema>

/** `entry_changes`' answer, typed; an answer of another shape is a failure. */
export function readEntryChanges(data: unknown): EntryChange[] {
  return readRpcAnswer(v.array(EntryChangeSchema), 'entry_changes', data)
}

export async function fetchEntryChanges(entryId: string): Promise<EntryChange[]> {
  return readEntryChanges(await callServerRpc('entry_changes', { entry_id: entryId }))
}
