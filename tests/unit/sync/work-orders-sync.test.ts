import { describe, expect, it } from 'vitest'
import { writeChange } from '~/db/local-writes'
import { saveWorkOrderWrites, recordsAssignedTo } from '~/db/work-orders-repo'
import { untriagedRecord, type WorkOrderRecord } from '~/domain/work-orders/record'
import { pullChanges } from '~/sync/pull'
import { pushOutbox } from '~/sync/push'
import { anEntry, updateStatus, useDeviceAndServer } from './factories'

const NOW = '2026-11-12T10:00:00.000Z'
const aReport = () => anEntry({ kind: 'maintenance_report', status: 'open', version: 1, payload: { reportedAt: NOW, resolvedAt: null } })
const anOrder = (id: string, overrides: Partial<WorkOrderRecord> = {}): WorkOrderRecord => ({ ...untriagedRecord(id, NOW), ...overrides })

describe('work orders on the device', () => {
  const f = useDeviceAndServer()

  it('queues a triage and sends it as a work_order with the report’s id', async () => {
    const report = aReport()
    await f.db.entries.put(report)
    await saveWorkOrderWrites(f.db, { report: null, record: { op: 'insert', row: anOrder(report.id, { assignees: ['worker-1'] }), data: {} } }, 'manager-1')
    await pushOutbox(f.db, f.server, 'manager-1')
    expect(f.server.pushCalls.flat()).toEqual([expect.objectContaining({ entity: 'work_order', op: 'insert', entityId: report.id, data: expect.objectContaining({ assignees: ['worker-1'] }) })])
    expect(await f.db.workOrders.get(report.id)).toMatchObject({ version: 1, assignees: ['worker-1'] })
    expect(await f.db.outbox.count()).toBe(0)
  })

  it('saves a resolution’s report and order together, and sends the report first', async () => {
    const report = aReport()
    await f.db.entries.put(report)
    await f.db.workOrders.put(anOrder(report.id, { assignees: ['worker-1'], version: 1 }))
    const resolved = { ...report, status: 'resolved' as const, payload: { ...report.payload, resolvedAt: NOW } }
    await saveWorkOrderWrites(f.db, {
      report: { op: 'update', row: resolved, data: { status: 'resolved', payload: resolved.payload } },
      record: { op: 'update', row: anOrder(report.id, { assignees: ['worker-1'], resolutionNote: 'Fatto', version: 1 }), data: { resolutionNote: 'Fatto' } },
    }, 'worker-1')
    expect((await f.db.outbox.toArray()).map((row) => row.entity)).toEqual(['entry', 'work_order'])
    await pushOutbox(f.db, f.server, 'worker-1')
    expect(f.server.pushCalls.flat().map((m) => m.entity)).toEqual(['entry', 'work_order'])
    // Each answer lands in its own table: the report's is not held back by its order's queued change.
    expect(await f.db.entries.get(report.id)).toMatchObject({ status: 'resolved', version: 1 })
    expect(await f.db.workOrders.get(report.id)).toMatchObject({ resolutionNote: 'Fatto', version: 1 })
  })

  it('pulls an order whose report has a change still queued, and holds back only the report', async () => {
    const report = aReport()
    await f.db.entries.put(report)
    await updateStatus(f.db, report, 'in_progress')
    f.server.serverWrite('entry', { ...report, status: 'open' })
    f.server.serverWrite('work_order', { ...anOrder(report.id, { assignees: ['worker-1'] }) })
    const summary = await pullChanges(f.db, f.server)
    expect(summary).toMatchObject({ stored: 1, skipped: 1 })
    expect((await f.db.entries.get(report.id))?.status).toBe('in_progress')
    expect(await recordsAssignedTo(f.db, 'worker-1')).toEqual([expect.objectContaining({ id: report.id })])
  })

  it('holds back a pulled order with a queued change of its own', async () => {
    const report = aReport()
    await writeChange(f.db, { entity: 'work_order', op: 'insert', row: anOrder(report.id, { priority: 'urgent' }), data: {}, authorId: 'manager-1' })
    f.server.serverWrite('work_order', { ...anOrder(report.id, { priority: 'low' }) })
    expect(await pullChanges(f.db, f.server)).toMatchObject({ stored: 0, skipped: 1 })
    expect((await f.db.workOrders.get(report.id))?.priority).toBe('urgent')
  })
})
