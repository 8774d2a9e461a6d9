import { describe, expect, it } from 'vitest'
import type { ConflictRecord } from '~/db/sync-meta'
import { conflictHistoryPath, newestConflictAt, unseenConflict } from '~/features/sync-status/conflict-notice'

const ME = 'user-me'
const conflict = (over: Partial<ConflictRecord>): ConflictRecord => ({
  mutationId: crypto.randomUUID(), entity: 'work_order', entityId: 'report-1', lost: { assignees: [] }, kept: { assignees: ['x'] },
  keptBy: 'manager', authorId: ME, at: '2026-12-04T20:00:00.000Z', ...over,
})

describe('the notice of a change the server did not apply', () => {
  it('points at the newest of the user’s own conflicts not seen yet', () => {
    const older = conflict({ at: '2026-12-04T19:00:00.000Z', entityId: 'report-0' })
    const newer = conflict({ at: '2026-12-04T20:00:00.000Z' })
    const someoneElses = conflict({ at: '2026-12-04T21:00:00.000Z', authorId: 'colleague' })
    expect(unseenConflict([older, newer, someoneElses], ME, null)).toBe(newer)
  })

  it('is gone once the newest conflict was seen, and back with a later one', () => {
    const seen = conflict({})
    expect(unseenConflict([seen], ME, newestConflictAt([seen]))).toBeNull()
    const later = conflict({ at: '2026-12-04T22:00:00.000Z' })
    expect(unseenConflict([seen, later], ME, seen.at)).toBe(later)
  })

  it('is not raised for nobody signed in or without conflicts', () => {
    expect(unseenConflict([conflict({})], null, null)).toBeNull()
    expect(unseenConflict([], ME, null)).toBeNull()
    expect(newestConflictAt([])).toBeNull()
  })

  it('leads to the entry’s history for entries and work orders (an order has its report’s id), nowhere else', () => {
    expect(conflictHistoryPath(conflict({ entity: 'work_order', entityId: 'report-1' }))).toBe('/campo/voce/report-1#cronologia')
    expect(conflictHistoryPath(conflict({ entity: 'entry', entityId: 'entry-2' }))).toBe('/campo/voce/entry-2#cronologia')
    expect(conflictHistoryPath(conflict({ entity: 'snow_route', entityId: 'route-3' }))).toBeNull()
  })
})
