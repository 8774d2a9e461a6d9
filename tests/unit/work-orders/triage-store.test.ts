import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { appDatabase } from '~/db/app-database'
import { PISOGNE_OBJECTIVES } from '~/domain/catalogue'
import type { WorkOrderProblems } from '~/domain/work-orders/codes'
import type { ManagerAction } from '~/domain/work-orders/lifecycle'
import { untriagedRecord } from '~/domain/work-orders/record'
import { useProfileStore } from '~/features/profile/profile-store'
import { PAGE_SIZE, useTriageStore, type TriageDeps } from '~/features/work-orders/triage-store'
import type { ProfileRow } from '~/sync/profiles-api'
import { anEntry } from '../sync/factories'
import { aReport } from './factories'

const NOW = Date.parse('2026-11-20T10:00:00+01:00')
const MANAGER: ProfileRow = { id: 'manager-1', displayName: 'Responsabile Anna', role: 'manager', areaId: 'territorio' }
const CREW: ProfileRow = { id: 'worker-1', displayName: 'Operaio Luca', role: 'worker', areaId: 'territorio' }
const OFFICER: ProfileRow = { id: 'officer-1', displayName: 'Agente Rossi', role: 'officer', areaId: 'polizia_locale' }

const late = aReport('Via Roma', '2026-11-10T09:00:00+01:00')
const dueToday = aReport('Piazza Corna', '2026-11-12T20:00:00+01:00')
const fresh = aReport('Via Tonale', '2026-11-19T08:00:00+01:00')
const patrolElsewhere = anEntry({ objectiveId: 'pl-pattugliamento' })

function deps(overrides: Partial<TriageDeps> = {}): TriageDeps {
  return { fetchProfiles: async () => [MANAGER, CREW, OFFICER], afterWrite: vi.fn(), now: () => NOW, ...overrides }
}

async function loadedQueue(withDeps = deps()) {
  const triage = useTriageStore()
  await triage.load('territorio', withDeps)
  return triage
}

describe('the manager’s triage queue', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    const db = appDatabase()
    await Promise.all(db.tables.map((table) => table.clear()))
    await db.objectives.bulkPut(PISOGNE_OBJECTIVES)
    await db.entries.bulkPut([late, dueToday, fresh, patrolElsewhere])
    useProfileStore().setProfile({ userId: MANAGER.id, displayName: MANAGER.displayName, role: 'manager', areaId: 'territorio' })
  })

  it('lists the area’s reports, soonest due first, and counts overdue and due today on the Rome calendar', async () => {
    const triage = await loadedQueue()
    expect(triage.shown.map((row) => row.payload.place)).toEqual(['Via Roma', 'Piazza Corna', 'Via Tonale'])
    expect(triage.counts).toMatchObject({ overdue: 1, dueToday: 1, byStage: { new: 3, assigned: 0 } })
    expect(triage.crew.map((p) => p.id)).toEqual([MANAGER.id, CREW.id])
  })

  it('puts the more urgent first among reports due the same day', async () => {
    const urgent = aReport('Via Tonale 2', '2026-11-19T09:00:00+01:00')
    await appDatabase().entries.put(urgent)
    await appDatabase().workOrders.put({ ...untriagedRecord(urgent.id, '2026-11-19T09:00:00Z'), priority: 'urgent' })
    const triage = await loadedQueue()
    expect(triage.shown.map((row) => row.payload.place)).toEqual(['Via Roma', 'Piazza Corna', 'Via Tonale 2', 'Via Tonale'])
  })

  it('assigns a report to a crew member: saved with its outbox row, shown as assigned, a sync asked for', async () => {
    const afterWrite = vi.fn()
    const triage = await loadedQueue(deps({ afterWrite }))
    expect(await triage.act(late.id, { type: 'assign', assignees: [CREW.id] })).toBe(true)
    triage.stage = 'assigned'
    expect(triage.shown.map((row) => row.report.id)).toEqual([late.id])
    expect(await appDatabase().outbox.toArray()).toEqual([expect.objectContaining({ entity: 'work_order', op: 'insert', entityId: late.id })])
    expect(afterWrite).toHaveBeenCalledOnce()
  })

  it.each<[string, ManagerAction, WorkOrderProblems]>([
    ['someone outside the area', { type: 'assign', assignees: [OFFICER.id] }, { assignees: 'assignee_outside_area' }],
    ['a decline without its reason', { type: 'decline', reason: '' }, { reason: 'reason_required' }],
    ['a duplicate without its original', { type: 'decline', reason: 'duplicate', duplicateOf: null }, { duplicateOf: 'original_required' }],
    ['a due date before the report', { type: 'set_due', dueOn: '2026-11-09' }, { dueOn: 'due_before_report' }],
  ])('refuses %s with the reason and changes nothing', async (_, action, problems) => {
    const triage = await loadedQueue()
    expect(await triage.act(late.id, action)).toBe(false)
    expect(triage.problems[late.id]).toEqual(problems)
    expect(await appDatabase().outbox.count()).toBe(0)
    expect(await appDatabase().workOrders.count()).toBe(0)
    expect(triage.counts.byStage.new).toBe(3)
  })

  it('clears a report’s problem once an action on it is saved', async () => {
    const triage = await loadedQueue()
    await triage.act(late.id, { type: 'decline', reason: '' })
    expect(await triage.act(late.id, { type: 'decline', reason: 'duplicate', duplicateOf: fresh.id })).toBe(true)
    expect(triage.problems[late.id]).toBeUndefined()
    expect(triage.rows.find((row) => row.report.id === late.id)?.stage).toBe('declined')
  })

  it('assigns offline to the crew it saw when last online', async () => {
    await loadedQueue()
    setActivePinia(createPinia())
    useProfileStore().setProfile({ userId: MANAGER.id, displayName: MANAGER.displayName, role: 'manager', areaId: 'territorio' })
    const offline = await loadedQueue(deps({ fetchProfiles: () => Promise.reject(new Error('offline')) }))
    expect(offline.crew.map((p) => p.id)).toEqual([MANAGER.id, CREW.id])
    expect(await offline.act(fresh.id, { type: 'assign', assignees: [CREW.id] })).toBe(true)
  })

  it('counts every resolved report but reads them a page at a time, newest first, leaving declined ones to their stage', async () => {
    const day = (i: number) => new Date(Date.parse('2026-01-01T09:00:00+01:00') + i * 86_400_000).toISOString()
    const resolved = Array.from({ length: PAGE_SIZE + 5 }, (_, i) => aReport(`Via Chiosi ${i}`, day(i), { status: 'resolved' }))
    const declinedAfterFix = resolved[PAGE_SIZE + 4]!
    await appDatabase().entries.bulkPut(resolved)
    await appDatabase().workOrders.put({ ...untriagedRecord(declinedAfterFix.id, declinedAfterFix.createdAt), declineReason: 'not_ours', version: 1 })
    const triage = await loadedQueue()
    expect(triage.counts.byStage).toMatchObject({ new: 3, resolved: PAGE_SIZE + 4, declined: 1 })
    expect(triage.rows.filter((row) => row.stage === 'resolved')).toEqual([])

    triage.stage = 'resolved'
    await vi.waitFor(() => expect(triage.shown).toHaveLength(PAGE_SIZE))
    expect(triage.shown[0]?.payload.place).toBe(`Via Chiosi ${PAGE_SIZE + 3}`)
    expect(triage.hidden).toBe(4)
    triage.showMore()
    await vi.waitFor(() => expect(triage.shown).toHaveLength(PAGE_SIZE + 4))
    expect(triage.shown.at(-1)?.payload.place).toBe('Via Chiosi 0')
    expect(triage.hidden).toBe(0)
    triage.stop()
  })
})
