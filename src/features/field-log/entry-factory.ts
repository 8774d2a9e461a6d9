import type { Entry, EntryKind } from '~/domain/entry'
import type { PayloadByKind } from '~/domain/entry-payloads'

/** A new entry as the device first holds it: version 0 until the server accepts it. */
export function newEntry<K extends EntryKind>(input: {
  kind: K
  objectiveId: string
  payload: PayloadByKind[K]
  authorId: string
  occurredAt: string
  now: string
}): Entry {
  return {
    id: crypto.randomUUID(),
    objectiveId: input.objectiveId,
    kind: input.kind,
    payload: input.payload as unknown as Record<string, unknown>,
    status: input.kind === 'maintenance_report' ? 'open' : null,
    occurredAt: input.occurredAt,
    authorId: input.authorId,
    createdAt: input.now,
    updatedAt: input.now,
    version: 0,
    locked: false,
    deleted: false,
  }
}

/** When the work happened: its start, or when a report was made, or now for office updates. */
export function occurredAtOf(payload: Record<string, unknown>, now: string): string {
  for (const key of ['startedAt', 'reportedAt']) {
    const value = payload[key]
    if (typeof value === 'string' && value) return value
  }
  return now
}

/** An entry can be changed by its author until a manager locks it. */
export function canEdit(entry: Entry, userId: string | null): boolean {
  return entry.authorId === userId && !entry.locked && !entry.deleted
}
