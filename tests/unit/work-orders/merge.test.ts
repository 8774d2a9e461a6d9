import { describe, expect, it } from 'vitest'
import { mergeLateChange } from '~/domain/work-orders/merge'
import { CREW, MANAGER, aWorkOrder, manager, worker } from './factories'

const otherManager = { userId: 'manager-2', managesArea: true }

describe('two people acting on one order offline', () => {
  it('keeps the manager’s reassignment over a hand-back that synced later, and keeps the hand-back in history', () => {
    const stored = aWorkOrder({ assignees: [CREW[1]] })
    const { order, lost } = mergeLateChange(stored, { assignees: [], status: 'open', handedBack: { by: CREW[0], reason: 'Ferie' } }, worker(CREW[0]), {
      assignees: manager,
    })
    expect(order).toMatchObject({ assignees: [CREW[1]], handedBack: null })
    expect(lost).toEqual([
      { field: 'assignees', kept: [CREW[1]], lost: [], lostBy: CREW[0] },
      { field: 'handedBack', kept: null, lost: { by: CREW[0], reason: 'Ferie' }, lostBy: CREW[0] },
    ])
  })

  it('lets a late reassignment by the manager replace a hand-back that synced first', () => {
    const stored = aWorkOrder({ assignees: [], handedBack: { by: CREW[0], reason: 'Ferie' } })
    const { order, lost } = mergeLateChange(stored, { assignees: [CREW[1]] }, manager, { assignees: worker(CREW[0]) })
    expect(order.assignees).toEqual([CREW[1]])
    expect(lost).toEqual([])
  })

  it('keeps the assignee’s work status over a manager’s, whichever synced first', () => {
    const byManagerFirst = mergeLateChange(aWorkOrder({ assignees: [CREW[0]], status: 'resolved', resolvedAt: '2026-11-11T09:00:00Z' }), { status: 'in_progress' }, worker(), {
      status: manager,
    })
    expect(byManagerFirst.order.status).toBe('in_progress')

    const stored = aWorkOrder({ assignees: [CREW[0]], status: 'in_progress' })
    const late = mergeLateChange(stored, { status: 'resolved', resolvedAt: '2026-11-11T09:00:00Z', resolutionNote: 'Chiuso' }, manager, { status: worker() })
    expect(late.order).toMatchObject({ status: 'in_progress', resolvedAt: null, resolutionNote: null })
    expect(late.lost.map((l) => [l.field, l.lost, l.lostBy])).toEqual([
      ['status', 'resolved', MANAGER],
      ['resolvedAt', '2026-11-11T09:00:00Z', MANAGER],
      ['resolutionNote', 'Chiuso', MANAGER],
    ])
  })

  it('applies both people’s changes when they touched different fields', () => {
    const stored = aWorkOrder({ assignees: [CREW[0]], priority: 'urgent' })
    const { order, lost } = mergeLateChange(stored, { status: 'in_progress' }, worker(), { priority: manager })
    expect(order).toMatchObject({ priority: 'urgent', status: 'in_progress' })
    expect(lost).toEqual([])
  })

  it('keeps the first of two managers’ priorities', () => {
    const { order, lost } = mergeLateChange(aWorkOrder({ priority: 'high' }), { priority: 'low' }, otherManager, { priority: manager })
    expect(order.priority).toBe('high')
    expect(lost).toEqual([{ field: 'priority', kept: 'high', lost: 'low', lostBy: 'manager-2' }])
  })

  it('between two of a team, lets the further step win', () => {
    const team = { assignees: [...CREW] }
    expect(mergeLateChange(aWorkOrder({ ...team, status: 'in_progress' }), { status: 'resolved' }, worker(CREW[1]), { status: worker(CREW[0]) }).order.status).toBe('resolved')
    expect(mergeLateChange(aWorkOrder({ ...team, status: 'resolved' }), { status: 'in_progress' }, worker(CREW[1]), { status: worker(CREW[0]) }).order.status).toBe('resolved')
  })

  it('no longer counts someone taken off the order as its status’s owner', () => {
    const stored = aWorkOrder({ assignees: [CREW[1]], status: 'in_progress' })
    const { order } = mergeLateChange(stored, { status: 'open' }, worker(CREW[0]), { status: worker(CREW[1]) })
    expect(order.status).toBe('in_progress')
  })
})
