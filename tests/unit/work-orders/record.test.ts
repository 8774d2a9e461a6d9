import { describe, expect, it } from 'vitest'
import type { Entry } from '~/domain/entry'
import { applyAction, type Actor, type WorkOrderAction } from '~/domain/work-orders/lifecycle'
import { plannedWrites, untriagedRecord, workOrderOf, type WorkOrderRecord } from '~/domain/work-orders/record'
import { anEntry } from '../sync/factories'
import { CREW, MANAGER, OFFICER, by, manager, worker } from './factories'

const NOW = '2026-11-12T10:00:00.000Z'

const aReport = (overrides: Partial<Entry> = {}): Entry =>
  anEntry({
    kind: 'maintenance_report',
    objectiveId: 'terr-segnaletica',
    authorId: OFFICER,
    status: 'open',
    version: 3,
    payload: { category: 'signage', description: 'Cartello storto', place: 'Via Roma', location: null, reportedAt: '2026-11-10T09:00:00.000Z', resolvedAt: null },
    ...overrides,
  })

const assignedRecord = (report: Entry): WorkOrderRecord => ({ ...untriagedRecord(report.id, NOW), assignees: [CREW[0]], version: 2, updatedBy: MANAGER })

function writesOf(report: Entry, record: WorkOrderRecord | undefined, action: WorkOrderAction, actor: Actor) {
  const checked = applyAction(workOrderOf(report, record), action, by(actor))
  if (!checked.ok) throw new Error(`refused: ${JSON.stringify(checked.problems)}`)
  return plannedWrites(report, record, action, checked.order, actor.userId, NOW)
}

describe('a work-order action as device writes', () => {
  it('reads a report nobody triaged as a new order of normal priority due on day 8', () => {
    expect(workOrderOf(aReport(), undefined)).toMatchObject({ assignees: [], priority: 'normal', dueOn: null, decline: null, handedBack: null })
  })

  it('creates the record with the first triage, and leaves the report alone', () => {
    const report = aReport()
    const writes = writesOf(report, undefined, { type: 'assign', assignees: [CREW[0]] }, manager)
    expect(writes.report).toBeNull()
    expect(writes.record).toMatchObject({ op: 'insert', row: { id: report.id, assignees: [CREW[0]], version: 0, updatedBy: MANAGER } })
  })

  it('sends only what changed on a record the device already holds', () => {
    const report = aReport()
    const writes = writesOf(report, assignedRecord(report), { type: 'prioritise', priority: 'urgent' }, manager)
    expect(writes.record).toMatchObject({ op: 'update', data: { priority: 'urgent' }, row: { priority: 'urgent', version: 2 } })
  })

  it('keeps a duplicate’s original on the record', () => {
    const report = aReport()
    const writes = writesOf(report, undefined, { type: 'decline', reason: 'duplicate', duplicateOf: 'report-0' }, manager)
    expect(writes.record?.row).toMatchObject({ declineReason: 'duplicate', duplicateOf: 'report-0' })
  })

  it('resolves on the report (status and date) with the note on the record', () => {
    const report = aReport({ status: 'in_progress' })
    const writes = writesOf(report, assignedRecord(report), { type: 'resolve', at: NOW, note: 'Raddrizzato' }, worker())
    expect(writes.report).toMatchObject({ op: 'update', data: { status: 'resolved', payload: { resolvedAt: NOW, place: 'Via Roma' } }, row: { version: 3 } })
    expect(writes.record).toMatchObject({ op: 'update', data: { resolutionNote: 'Raddrizzato' } })
  })

  it('starts on the report alone', () => {
    const report = aReport()
    const writes = writesOf(report, assignedRecord(report), { type: 'start' }, worker())
    expect(writes).toMatchObject({ report: { data: { status: 'in_progress' } }, record: null })
  })

  it('hands back on the record alone, the server reopening the report', () => {
    const report = aReport({ status: 'in_progress' })
    const writes = writesOf(report, assignedRecord(report), { type: 'hand_back', reason: 'Serve il cestello' }, worker())
    expect(writes.report).toBeNull()
    expect(writes.record).toMatchObject({ data: { assignees: [], handBackReason: 'Serve il cestello' }, row: { handedBackBy: CREW[0] } })
  })
})
