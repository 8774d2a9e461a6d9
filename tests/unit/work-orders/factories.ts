import type { Entry } from '~/domain/entry'
import type { Actor, ActionContext } from '~/domain/work-orders/lifecycle'
import type { WorkOrder } from '~/domain/work-orders/work-order'
import { anEntry } from '../sync/factories'

export const OFFICER = 'officer-1'
export const MANAGER = 'manager-1'
export const CREW = ['worker-1', 'worker-2'] as const

export function aWorkOrder(overrides: Partial<WorkOrder> = {}): WorkOrder {
  return {
    id: 'report-1',
    authorId: OFFICER,
    category: 'signage',
    reportedAt: '2026-11-10T09:00:00.000Z',
    status: 'open',
    resolvedAt: null,
    assignees: [],
    priority: 'normal',
    dueOn: null,
    decline: null,
    handedBack: null,
    resolutionNote: null,
    ...overrides,
  }
}

export const manager: Actor = { userId: MANAGER, managesArea: true }
export const worker = (userId: string = CREW[0]): Actor => ({ userId, managesArea: false })

export function by(actor: Actor): ActionContext {
  return { actor, areaMembers: new Set([MANAGER, OFFICER, ...CREW]) }
}

/** A report of the signage objective (territorio) the officer logged, on the server (version 1). */
export function aReport(place: string, reportedAt: string, overrides: Partial<Entry> = {}): Entry {
  return anEntry({
    kind: 'maintenance_report',
    objectiveId: 'terr-segnaletica',
    authorId: OFFICER,
    status: 'open',
    version: 1,
    occurredAt: reportedAt,
    payload: { category: 'signage', description: 'Cartello storto', place, location: null, reportedAt, resolvedAt: null },
    ...overrides,
  })
}
