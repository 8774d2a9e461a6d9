import { describe, expect, it } from 'vitest'
import { untriagedRecord, type WorkOrderRecord } from '~/domain/work-orders/record'
import { assignedRows } from '~/features/work-orders/assigned'
import { CREW, aReport } from './factories'

const ME = CREW[0]
const TEAMMATE = CREW[1]
const NOW = Date.parse('2026-11-20T10:00:00+01:00')

const record = (id: string, overrides: Partial<WorkOrderRecord>): WorkOrderRecord => ({ ...untriagedRecord(id, '2026-11-01T00:00:00Z'), ...overrides })

function rowsOf(cases: [ReturnType<typeof aReport>, Partial<WorkOrderRecord>][]) {
  const records = new Map(cases.map(([report, fields]) => [report.id, record(report.id, fields)]))
  return assignedRows(cases.map(([report]) => report), records, ME, NOW).map((row) => row.payload.place)
}

describe('the crew’s “assigned to me”', () => {
  it('lists open and started work assigned to me, alone or with a teammate, and nothing closed or someone else’s', () => {
    expect(
      rowsOf([
        [aReport('Mine', '2026-11-18T09:00:00+01:00'), { assignees: [ME] }],
        [aReport('Started', '2026-11-18T10:00:00+01:00', { status: 'in_progress' }), { assignees: [ME] }],
        [aReport('Team', '2026-11-18T11:00:00+01:00'), { assignees: [TEAMMATE, ME] }],
        [aReport('Teammate', '2026-11-18T09:00:00+01:00'), { assignees: [TEAMMATE] }],
        [aReport('Resolved', '2026-11-18T09:00:00+01:00', { status: 'resolved' }), { assignees: [ME] }],
        [aReport('Declined', '2026-11-18T09:00:00+01:00'), { assignees: [ME], declineReason: 'not_ours' }],
      ]),
    ).toEqual(['Mine', 'Started', 'Team'])
  })

  it('orders soonest due first (the manager’s due day or day 8), then the more urgent, then the older report', () => {
    expect(
      rowsOf([
        [aReport('Day 8 on 26/11', '2026-11-18T09:00:00+01:00'), { assignees: [ME] }],
        [aReport('Due 22/11 by the manager', '2026-11-19T09:00:00+01:00'), { assignees: [ME], dueOn: '2026-11-22' }],
        [aReport('Overdue', '2026-11-05T09:00:00+01:00'), { assignees: [ME] }],
        [aReport('Day 8 on 26/11, urgent', '2026-11-18T11:00:00+01:00'), { assignees: [ME], priority: 'urgent' }],
        [aReport('Day 8 on 26/11, later', '2026-11-18T10:00:00+01:00'), { assignees: [ME] }],
      ]),
    ).toEqual(['Overdue', 'Due 22/11 by the manager', 'Day 8 on 26/11, urgent', 'Day 8 on 26/11', 'Day 8 on 26/11, later'])
  })
})
