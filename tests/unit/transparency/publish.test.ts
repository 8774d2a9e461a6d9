import Dexie from 'dexie'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openDatabase, type SulCampoDb } from '~/db/database'
import { installDemoPlan } from '~/db/objectives-repo'
import { PISOGNE_OBJECTIVES, PISOGNE_PLAN_RECORD } from '~/domain/catalogue'
import type { Entry } from '~/domain/entry'
import { useObjectivesStore } from '~/features/objectives/objectives-store'
import { figuresAsOf } from '~/features/transparency/publish-figures'
import { usePublishStore } from '~/features/transparency/publish-store'
import { publishSnapshot, ServerRpcError } from '~/features/transparency/transparency-api'

vi.mock('~/features/transparency/transparency-api', async (original) => ({ ...(await original<object>()), publishSnapshot: vi.fn() }))
let db: SulCampoDb
vi.mock('~/db/app-database', () => ({ appDatabase: () => db }))

const checkpoint = (occurredAt: string): Entry => ({
  id: crypto.randomUUID(), objectiveId: 'pl-pattugliamento', kind: 'checkpoint', payload: { place: 'Via Roma 1' }, status: null,
  occurredAt, authorId: 'officer-1', createdAt: occurredAt, updatedAt: occurredAt, version: 1, locked: false, deleted: false,
})
const JUNE_2024 = new Date('2024-06-15T10:00:00Z')

beforeEach(async () => {
  setActivePinia(createPinia())
  db = openDatabase(`publish-${crypto.randomUUID()}`)
  await installDemoPlan(db, PISOGNE_PLAN_RECORD, PISOGNE_OBJECTIVES)
  // 10 March 2024 ends at 23:00 UTC (CET): the second checkpoint is on the 10th in Rome, the third on the 11th.
  await db.entries.bulkPut(['2024-03-01T09:00:00Z', '2024-03-10T22:30:00Z', '2024-03-10T23:30:00Z', '2024-05-02T08:00:00Z'].map(checkpoint))
  vi.mocked(publishSnapshot).mockReset()
})
afterEach(async () => {
  db.close()
  await Dexie.delete(db.name)
})

describe('the figures a snapshot publishes', () => {
  it('are the dashboard’s, one per objective of the plan, counting only what happened by the end of that Rome day', async () => {
    const figures = await figuresAsOf(db, PISOGNE_PLAN_RECORD, '2024-03-10', JUNE_2024)
    expect(figures).toHaveLength(PISOGNE_OBJECTIVES.length)
    expect(figures.find((f) => f.objectiveId === 'pl-pattugliamento')).toMatchObject({ value: 2, unit: 'pattuglie' })
    const today = await figuresAsOf(db, PISOGNE_PLAN_RECORD, '2024-06-15', JUNE_2024)
    expect(today.find((f) => f.objectiveId === 'pl-pattugliamento')?.value).toBe(4)
  })

  it('are aggregates: no place, author or time of an entry', async () => {
    const figures = await figuresAsOf(db, PISOGNE_PLAN_RECORD, '2024-06-15', JUNE_2024)
    expect(Object.keys(figures[0]!).sort()).toEqual(['objectiveId', 'status', 'target', 'unit', 'value'])
    expect(JSON.stringify(figures)).not.toMatch(/Via Roma|officer-1|2024-0[35]/)
  })
})

describe('publishing', () => {
  function adminDevice() {
    useObjectivesStore().plans = [{ ...PISOGNE_PLAN_RECORD, version: 3 }]
    return usePublishStore()
  }

  it('sends the plan in force’s figures and keeps the server’s answer', async () => {
    vi.mocked(publishSnapshot).mockResolvedValue({ status: 'published', id: 'snap-1', asOf: '2024-03-10', publishedAt: '2024-06-15T10:00:00.000Z' })
    const publisher = adminDevice()
    await publisher.publish('2024-03-10')
    const [asOf, figures] = vi.mocked(publishSnapshot).mock.calls[0]!
    expect([asOf, figures.length]).toEqual(['2024-03-10', PISOGNE_OBJECTIVES.length])
    expect(publisher.outcome).toMatchObject({ status: 'published', id: 'snap-1' })
    expect(publisher.busy).toBe(false)
  })

  it('keeps a refusal or a failure as it came, and sends nothing without a date or a plan in force', async () => {
    const publisher = adminDevice()
    vi.mocked(publishSnapshot).mockResolvedValueOnce({ status: 'refused', code: 'future_date', detail: 'after today' })
    await publisher.publish('2099-01-01')
    expect(publisher.outcome).toMatchObject({ status: 'refused', code: 'future_date' })
    vi.mocked(publishSnapshot).mockRejectedValueOnce(new ServerRpcError('offline', 'publish_snapshot: Failed to fetch'))
    await publisher.publish('2024-03-10')
    expect(publisher.outcome).toEqual({ status: 'failed', code: 'offline' })
    vi.mocked(publishSnapshot).mockClear()
    await publisher.publish('')
    expect(publisher.outcome).toMatchObject({ status: 'refused', code: 'invalid_field' })
    await publisher.publish('2022-12-31')
    expect(publisher.outcome).toEqual({ status: 'no_plan' })
    expect(publishSnapshot).not.toHaveBeenCalled()
  })
})
