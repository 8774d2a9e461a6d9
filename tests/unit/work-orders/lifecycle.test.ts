import { describe, expect, it } from 'vitest'
import { applyAction, type Checked, type WorkOrderAction } from '~/domain/work-orders/lifecycle'
import { stageOf, type WorkOrder } from '~/domain/work-orders/work-order'
import { CREW, OFFICER, aWorkOrder, by, manager, worker } from './factories'

function orderAfter(checked: Checked): WorkOrder {
  if (!checked.ok) throw new Error(`refused: ${JSON.stringify(checked.problems)}`)
  return checked.order
}

const assigned = () => orderAfter(applyAction(aWorkOrder(), { type: 'assign', assignees: [CREW[0]] }, by(manager)))

describe('work-order lifecycle', () => {
  it('goes new → assigned → in progress → resolved', () => {
    const fresh = aWorkOrder()
    const started = orderAfter(applyAction(assigned(), { type: 'start' }, by(worker())))
    const resolved = orderAfter(applyAction(started, { type: 'resolve', at: '2026-11-12T10:00:00Z', note: ' Cartello raddrizzato ' }, by(worker())))
    expect([fresh, assigned(), started, resolved].map(stageOf)).toEqual(['new', 'assigned', 'in_progress', 'resolved'])
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: '2026-11-12T10:00:00.000Z', resolutionNote: 'Cartello raddrizzato' })
  })

  it('lets the manager set priority and an earlier due day, and go back to day 8', () => {
    const urgent = orderAfter(applyAction(aWorkOrder(), { type: 'prioritise', priority: 'urgent' }, by(manager)))
    const early = orderAfter(applyAction(urgent, { type: 'set_due', dueOn: '2026-11-11' }, by(manager)))
    expect(early).toMatchObject({ priority: 'urgent', dueOn: '2026-11-11' })
    expect(orderAfter(applyAction(early, { type: 'set_due', dueOn: null }, by(manager))).dueOn).toBeNull()
  })

  it('declines a report that is not the comune’s', () => {
    const declined = orderAfter(applyAction(aWorkOrder(), { type: 'decline', reason: 'not_ours' }, by(manager)))
    expect(stageOf(declined)).toBe('declined')
    expect(declined.decline).toEqual({ reason: 'not_ours' })
  })

  it('declines a duplicate only with the original it repeats', () => {
    const declined = orderAfter(applyAction(aWorkOrder(), { type: 'decline', reason: 'duplicate', duplicateOf: 'report-0' }, by(manager)))
    expect(declined.decline).toEqual({ reason: 'duplicate', duplicateOf: 'report-0' })
  })

  it('still declines a resolved report found to be a duplicate, so it counts once', () => {
    const resolved = aWorkOrder({ status: 'resolved', resolvedAt: '2026-11-11T09:00:00Z' })
    expect(orderAfter(applyAction(resolved, { type: 'decline', reason: 'duplicate', duplicateOf: 'report-0' }, by(manager))).decline).toEqual({
      reason: 'duplicate',
      duplicateOf: 'report-0',
    })
  })

  it('hands an order back with a reason, back into the queue', () => {
    const handed = orderAfter(applyAction(assigned(), { type: 'hand_back', reason: 'Serve un cestello' }, by(worker())))
    expect(stageOf(handed)).toBe('new')
    expect(handed).toMatchObject({ assignees: [], status: 'open', handedBack: { by: CREW[0], reason: 'Serve un cestello' } })
    const reassigned = orderAfter(applyAction(handed, { type: 'assign', assignees: [CREW[1]] }, by(manager)))
    expect(reassigned).toMatchObject({ assignees: [CREW[1]], handedBack: null })
  })

  it('keeps a team’s order going when one of them hands it back', () => {
    const team = orderAfter(applyAction(aWorkOrder(), { type: 'assign', assignees: [...CREW] }, by(manager)))
    const started = orderAfter(applyAction(team, { type: 'start' }, by(worker(CREW[1]))))
    const handed = orderAfter(applyAction(started, { type: 'hand_back', reason: 'Ferie' }, by(worker(CREW[0]))))
    expect(handed).toMatchObject({ assignees: [CREW[1]], status: 'in_progress' })
  })

  it('still lets the author resolve an order nobody was assigned, as before work orders', () => {
    const resolved = applyAction(aWorkOrder(), { type: 'resolve', at: '2026-11-10T10:00:00Z', note: 'Sistemato subito' }, by(worker(OFFICER)))
    expect(resolved.ok).toBe(true)
  })

  describe('refuses, changing nothing', () => {
    const refusals: [string, WorkOrder, WorkOrderAction, ReturnType<typeof by>, Record<string, string>][] = [
      ['an assignment by a worker', aWorkOrder(), { type: 'assign', assignees: [CREW[0]] }, by(worker()), { '': 'not_manager' }],
      ['an assignment to someone outside the area', aWorkOrder(), { type: 'assign', assignees: [CREW[0], 'stranger'] }, by(manager), { assignees: 'assignee_outside_area' }],
      ['an assignment to nobody', aWorkOrder(), { type: 'assign', assignees: [] }, by(manager), { assignees: 'assignee_required' }],
      ['resolving someone else’s order', assigned(), { type: 'resolve', at: '2026-11-12T10:00:00Z', note: 'Fatto' }, by(worker(CREW[1])), { '': 'not_assignee' }],
      ['a manager resolving an order assigned to the crew', assigned(), { type: 'resolve', at: '2026-11-12T10:00:00Z', note: 'Fatto' }, by(manager), { '': 'not_assignee' }],
      ['handing back someone else’s order', assigned(), { type: 'hand_back', reason: 'No' }, by(worker(CREW[1])), { '': 'not_assignee' }],
      ['a due date before the report', aWorkOrder(), { type: 'set_due', dueOn: '2026-11-09' }, by(manager), { dueOn: 'due_before_report' }],
      ['a due date that is not a date', aWorkOrder(), { type: 'set_due', dueOn: '11/12/2026' }, by(manager), { dueOn: 'invalid_date' }],
      ['a resolution before the report', assigned(), { type: 'resolve', at: '2026-11-09T10:00:00Z', note: 'Fatto' }, by(worker()), { at: 'resolved_before_report' }],
      ['a resolution without a note', assigned(), { type: 'resolve', at: '2026-11-12T10:00:00Z', note: '  ' }, by(worker()), { note: 'note_required' }],
      ['a hand-back without a reason', assigned(), { type: 'hand_back', reason: ' ' }, by(worker()), { reason: 'reason_required' }],
      ['a decline without a reason', aWorkOrder(), { type: 'decline', reason: '' }, by(manager), { reason: 'reason_required' }],
      ['a decline for an unknown reason', aWorkOrder(), { type: 'decline', reason: 'boring' }, by(manager), { reason: 'invalid_reason' }],
      ['a duplicate without its original', aWorkOrder(), { type: 'decline', reason: 'duplicate' }, by(manager), { duplicateOf: 'original_required' }],
      ['a duplicate of itself', aWorkOrder(), { type: 'decline', reason: 'duplicate', duplicateOf: 'report-1' }, by(manager), { duplicateOf: 'duplicate_of_itself' }],
      ['an unknown priority', aWorkOrder(), { type: 'prioritise', priority: 'asap' }, by(manager), { priority: 'invalid_priority' }],
      ['more work on a declined order', aWorkOrder({ decline: { reason: 'not_ours' } }), { type: 'assign', assignees: [CREW[0]] }, by(manager), { '': 'order_closed' }],
      ['more work on a resolved order', aWorkOrder({ status: 'resolved', resolvedAt: '2026-11-11T09:00:00Z' }), { type: 'start' }, by(worker(OFFICER)), { '': 'order_closed' }],
    ]
    it.each(refusals)('%s', (_, order, action, context, problems) => {
      const before = structuredClone(order)
      expect(applyAction(order, action, context)).toEqual({ ok: false, problems })
      expect(order).toEqual(before)
    })
  })
})
