import { describe, expect, it } from 'vitest'
import { readConflicts } from '~/db/sync-meta'
import { actOnWorkOrder } from '~/db/work-orders-repo'
import type { ActionContext } from '~/domain/work-orders/lifecycle'
import { readEntryChanges } from '~/features/entry-history/entry-history-api'
import { historyLines, type HistoryContext } from '~/features/entry-history/history-lines'
import { createAppI18n } from '~/i18n'
import { FEATURE_MESSAGES } from '~/i18n/feature-messages'
import { devicesPerTest } from '../support/devices-per-test'
import { logEntries, type SyncDevice } from '../support/sync-device'
import { aReport } from '../support/sync-entries'
import { DEMO } from '../support/supabase-clients'

const device = devicesPerTest()

const AREA = new Set([DEMO.worker.id, DEMO.territoryManager.id])
const asManager: ActionContext = { actor: { userId: DEMO.territoryManager.id, managesArea: true }, areaMembers: AREA }
const asWorker: ActionContext = { actor: { userId: DEMO.worker.id, managesArea: false }, areaMembers: AREA }

/** The history as the entry view reads it: the server's rows, the names the caller may see. */
async function historyAs(viewer: SyncDevice, entryId: string) {
  const { data, error } = await viewer.client.rpc('entry_changes', { entry_id: entryId })
  if (error) throw error
  const profiles = await viewer.client.rpc('list_profiles')
  const names = new Map((profiles.data as { id: string; display_name: string }[]).map((p) => [p.id, p.display_name]))
  const { t, te } = createAppI18n('it', FEATURE_MESSAGES).global
  const context: HistoryContext = { t: t as HistoryContext['t'], te: (key) => te(key, 'it'), locale: 'it', nameOf: (id) => names.get(id) ?? null }
  const changes = readEntryChanges(data)
  return { changes, lines: historyLines(changes, context) }
}

describe('the entry history through the real stack', () => {
  it('keeps and shows the assignee’s hand-back that lost to the manager’s reassignment made offline at the same time', async () => {
    const officer = await device(DEMO.officer)
    const manager = await device(DEMO.territoryManager)
    const worker = await device(DEMO.worker)
    const report = aReport(DEMO.officer.id)
    await logEntries(officer, [report])
    await officer.syncUntilEmpty(1)
    await manager.syncUntilEmpty(1)
    expect(await actOnWorkOrder(manager.db, report.id, { type: 'assign', assignees: [DEMO.worker.id] }, asManager)).toMatchObject({ ok: true })
    await manager.syncUntilEmpty(1)
    await worker.syncUntilEmpty(1)

    // Both offline: the manager adds themselves to the order, the worker hands it back.
    const both = [DEMO.worker.id, DEMO.territoryManager.id]
    expect(await actOnWorkOrder(manager.db, report.id, { type: 'assign', assignees: both }, asManager)).toMatchObject({ ok: true })
    expect(await actOnWorkOrder(worker.db, report.id, { type: 'hand_back', reason: 'Serve la piattaforma' }, asWorker)).toMatchObject({ ok: true })
    await manager.syncUntilEmpty(1)
    expect(await worker.engine.syncNow()).toMatchObject({ kind: 'synced', push: { conflicts: 1 } })
    expect(await worker.db.workOrders.get(report.id)).toMatchObject({ assignees: both })
    expect(await readConflicts(worker.db)).toEqual([expect.objectContaining({ entity: 'work_order', entityId: report.id })])

    // The manager reads it too: the losing values are kept, under the report's id.
    const { changes, lines } = await historyAs(manager, report.id)
    const lost = changes.filter((change) => change.reason === 'conflict_lost')
    expect(lost).toEqual([
      expect.objectContaining({ field: 'workOrder.assignees', oldValue: both, newValue: [], changedBy: DEMO.worker.id }),
      expect.objectContaining({ field: 'workOrder.handBackReason', oldValue: null, newValue: 'Serve la piattaforma', changedBy: DEMO.worker.id }),
    ])
    const assigneesLost = lines[changes.indexOf(lost[0]!)]
    expect(assigneesLost).toMatchObject({
      heading: expect.stringContaining('Operaio Luca Bertoni'),
      change: 'Assegnata a: proposto “nessuno”',
      lost: 'Non applicato: ha prevalso il valore di Responsabile Anna Ghirardi, “Operaio Luca Bertoni, Responsabile Anna Ghirardi”.',
      note: 'Regola: assegnazione, priorità, scadenza e rifiuto spettano al responsabile d’area.',
    })
    expect(lines[changes.indexOf(lost[1]!)]).toMatchObject({ change: 'Motivo della restituzione: proposto “Serve la piattaforma”' })
  })
})
