import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { appDatabase } from '~/db/app-database'
import { untriagedRecord } from '~/domain/work-orders/record'
import { useAssignedStore } from '~/features/work-orders/assigned-store'
import { CREW, aReport } from './factories'

const ME = CREW[0]
const NOW = Date.parse('2026-11-20T10:00:00+01:00')
const mine = aReport('Via Roma', '2026-11-18T09:00:00+01:00')
const theirs = aReport('Piazza Corna', '2026-11-18T09:00:00+01:00')

async function followed(afterWrite = vi.fn()) {
  const assigned = useAssignedStore()
  assigned.follow(ME, { afterWrite, now: () => NOW })
  await vi.waitFor(() => expect(assigned.loaded).toBe(true))
  return assigned
}

describe('the crew’s actions on their orders', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    const db = appDatabase()
    await Promise.all(db.tables.map((table) => table.clear()))
    await db.entries.bulkPut([mine, theirs])
    await db.workOrders.bulkPut([
      { ...untriagedRecord(mine.id, '2026-11-18T10:00:00Z'), assignees: [ME], version: 1 },
      { ...untriagedRecord(theirs.id, '2026-11-18T10:00:00Z'), assignees: [CREW[1]], version: 1 },
    ])
  })

  it('starts with one tap: saved with its outbox row, a sync asked for, still on the list as started', async () => {
    const afterWrite = vi.fn()
    const assigned = await followed(afterWrite)
    expect(assigned.rows.map((row) => row.report.id)).toEqual([mine.id])
    expect(await assigned.act(mine.id, { type: 'start' })).toBe(true)
    await vi.waitFor(() => expect(assigned.rows[0]?.order.status).toBe('in_progress'))
    expect(await appDatabase().outbox.toArray()).toEqual([expect.objectContaining({ entity: 'entry', op: 'update', entityId: mine.id })])
    expect(afterWrite).toHaveBeenCalledOnce()
  })

  it.each([
    ['a hand-back without its reason', mine.id, { type: 'hand_back', reason: '  ' }, { reason: 'reason_required' }],
    ['a resolution without its note', mine.id, { type: 'resolve', at: '2026-11-20T09:00:00Z', note: '' }, { note: 'note_required' }],
    ['a resolution before the report', mine.id, { type: 'resolve', at: '2026-11-01T09:00:00Z', note: 'Fatto' }, { at: 'resolved_before_report' }],
    ['resolving someone else’s order', theirs.id, { type: 'resolve', at: '2026-11-20T09:00:00Z', note: 'Fatto' }, { '': 'not_assignee' }],
  ] as const)('refuses %s with the reason and writes nothing', async (_, reportId, action, problems) => {
    const afterWrite = vi.fn()
    const assigned = await followed(afterWrite)
    expect(await assigned.act(reportId, action)).toBe(false)
    expect(assigned.problems[reportId]).toEqual(problems)
    expect(await appDatabase().outbox.count()).toBe(0)
    expect((await appDatabase().entries.get(reportId))?.status).toBe('open')
    expect(afterWrite).not.toHaveBeenCalled()
  })

  it('a hand-back with its reason takes the order off my list and back to the queue', async () => {
    const assigned = await followed()
    expect(await assigned.act(mine.id, { type: 'hand_back', reason: 'Serve il cestello' })).toBe(true)
    await vi.waitFor(() => expect(assigned.rows).toEqual([]))
    expect(await appDatabase().workOrders.get(mine.id)).toMatchObject({ assignees: [], handBackReason: 'Serve il cestello', handedBackBy: ME })
    expect(assigned.problems[mine.id]).toBeUndefined()
  })
})
