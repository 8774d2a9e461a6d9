import { describe, expect, it } from 'vitest'
import { writeChange } from '~/db/local-writes'
import { actOnWorkOrder } from '~/db/work-orders-repo'
import type { ActionContext } from '~/domain/work-orders/lifecycle'
import { untriagedRecord } from '~/domain/work-orders/record'
import { rejectMessageKey } from '~/features/sync-status/reject-message-key'
import { createAppI18n } from '~/i18n'
import { FEATURE_MESSAGES } from '~/i18n/feature-messages'
import { devicesPerTest } from '../support/devices-per-test'
import { logEntries } from '../support/sync-device'
import { aReport } from '../support/sync-entries'
import { DEMO, withDatabase } from '../support/supabase-clients'

const device = devicesPerTest()

const AREA = new Set([DEMO.worker.id, DEMO.territoryManager.id, DEMO.officer.id])
const asManager: ActionContext = { actor: { userId: DEMO.territoryManager.id, managesArea: true }, areaMembers: AREA }
const asWorker: ActionContext = { actor: { userId: DEMO.worker.id, managesArea: false }, areaMembers: AREA }

/** A report an officer logged and synced, on the territory manager's device too. */
async function reportOnManagersDevice() {
  const officer = await device(DEMO.officer)
  const manager = await device(DEMO.territoryManager)
  const report = aReport(DEMO.officer.id)
  await logEntries(officer, [report])
  await officer.syncUntilEmpty(1)
  await manager.syncUntilEmpty(1)
  return { manager, report }
}

describe('work orders through the real stack', () => {
  it('an officer’s report, assigned offline by the manager, resolved offline by the worker on another device', async () => {
    const { manager, report } = await reportOnManagersDevice()
    const worker = await device(DEMO.worker)

    expect(await actOnWorkOrder(manager.db, report.id, { type: 'assign', assignees: [DEMO.worker.id] }, asManager)).toMatchObject({ ok: true })
    expect(await actOnWorkOrder(manager.db, report.id, { type: 'prioritise', priority: 'high' }, asManager)).toMatchObject({ ok: true })
    await manager.syncUntilEmpty(1)
    await worker.syncUntilEmpty(1)
    expect(await worker.db.workOrders.get(report.id)).toMatchObject({ assignees: [DEMO.worker.id], priority: 'high' })

    expect(await actOnWorkOrder(worker.db, report.id, { type: 'start' }, asWorker)).toMatchObject({ ok: true })
    const resolvedAt = new Date().toISOString()
    expect(await actOnWorkOrder(worker.db, report.id, { type: 'resolve', at: resolvedAt, note: 'Cartello rimesso' }, asWorker)).toMatchObject({ ok: true })
    await worker.syncUntilEmpty(1)
    await manager.syncUntilEmpty(1)
    expect(await manager.db.entries.get(report.id)).toMatchObject({ status: 'resolved', payload: expect.objectContaining({ resolvedAt }) })
    expect(await manager.db.workOrders.get(report.id)).toMatchObject({ resolutionNote: 'Cartello rimesso', updatedBy: DEMO.worker.id })
  })

  it('a refusal the device could not foresee comes back with its code and reads translated; nothing changes on the server', async () => {
    const { manager, report } = await reportOnManagersDevice()
    // As an older app would send it: a due day before the report, unchecked on the device.
    const record = { ...untriagedRecord(report.id, report.createdAt), dueOn: '2020-01-01' }
    await writeChange(manager.db, { entity: 'work_order', op: 'insert', row: record, data: {}, authorId: DEMO.territoryManager.id })
    expect(await manager.engine.syncNow()).toMatchObject({ kind: 'synced', push: { rejected: 1 } })
    const [rejected] = await manager.db.outbox.toArray()
    expect(rejected).toMatchObject({ state: 'rejected', rejectCode: 'due_before_report' })
    const message = (locale: 'it' | 'en') => createAppI18n(locale, FEATURE_MESSAGES).global.t(rejectMessageKey(rejected!.rejectCode!))
    expect(message('it')).toBe('La scadenza non può essere prima della segnalazione')
    expect(message('en')).toBe('The due date cannot be before the report')
    const stored = await withDatabase(async (db) => (await db.query('select count(*)::int as n from public.work_orders where id = $1', [report.id])).rows[0].n)
    expect(stored).toBe(0)
  })
})
