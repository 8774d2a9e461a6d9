import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readDashboardSnapshot } from '~/db/dashboard-queries'
import { openDatabase, type SulCampoDb } from '~/db/database'
import { PISOGNE_OBJECTIVES, PISOGNE_PLAN } from '~/domain/catalogue'
import { computeProgress, type Progress } from '~/domain/progress'
import { leaveOutReports, aggregateOf } from '~/domain/progress/aggregate'
import { measuredPeriod } from '~/domain/progress/period'
import { untriagedRecord, type WorkOrderRecord } from '~/domain/work-orders/record'
import { aContext, anEntry } from '../progress/factories'

const SIGNAGE = PISOGNE_OBJECTIVES.find((o) => o.id === 'terr-segnaletica')!
// The signage objective is measured in 2023 (its deadline in the PIAO).
const CONTEXT = aContext('2023-06-30T10:00:00Z', { year: 2023 })

/** A signage report of 2023, fixed `fixedAfterDays` later (null: still open). */
function report(reportedAt: string, fixedAfterDays: number | null) {
  const resolvedAt = fixedAfterDays === null ? null : new Date(Date.parse(reportedAt) + fixedAfterDays * 86_400_000).toISOString()
  return anEntry(SIGNAGE.id, 'maintenance_report', reportedAt, { category: 'signage', reportedAt, resolvedAt }, { status: resolvedAt ? 'resolved' : 'open' })
}

// Fixed on day 3 (in time), on day 12 (late), on day 20 (late) and one open since March (overdue).
const inTime = report('2023-03-01T09:00:00Z', 3)
const late = report('2023-03-05T09:00:00Z', 12)
const notOurs = report('2023-04-02T09:00:00Z', 20)
const duplicate = report('2023-03-20T09:00:00Z', null)
const declined = (entryId: string, change: Partial<WorkOrderRecord>): WorkOrderRecord => ({ ...untriagedRecord(entryId, '2023-04-03T09:00:00Z'), ...change })

describe('declined and duplicate reports leave the fix share, on the device as on the server', () => {
  let db: SulCampoDb
  beforeEach(async () => {
    db = openDatabase(`declined-${crypto.randomUUID()}`)
    await db.open()
    await db.objectives.bulkPut(PISOGNE_OBJECTIVES)
    await db.entries.bulkPut([inTime, late, notOurs, duplicate])
  })
  afterEach(async () => {
    db.close()
    await Dexie.delete(db.name)
  })

  async function signageFigure(): Promise<Progress> {
    const snapshot = await readDashboardSnapshot(db, PISOGNE_PLAN.id, () => true, (o) => measuredPeriod(o.indicator, CONTEXT))
    return computeProgress(SIGNAGE, null, snapshot.aggregates.get(SIGNAGE.id)!, CONTEXT)
  }

  it('counts 1 of 4 fixed in time, then 1 of 2 once one is declined as not the comune’s and one as a duplicate', async () => {
    await expect(signageFigure()).resolves.toMatchObject({ value: 25, entryCount: 4 })
    await db.workOrders.bulkPut([
      declined(notOurs.id, { declineReason: 'not_ours' }),
      declined(duplicate.id, { declineReason: 'duplicate', duplicateOf: late.id }),
      // Triaged, not declined: still counted.
      declined(late.id, { priority: 'high' }),
    ])
    const figure = await signageFigure()
    expect(figure).toMatchObject({ value: 50, entryCount: 2 })
    expect(figure.explanation[1]).toEqual({ key: 'share.fixedWithin', params: { fixed: 1, decided: 2, days: 8, pending: 0 } })
  })

  it('counts a declined order again once its decline is withdrawn (the record deleted)', async () => {
    await db.workOrders.put({ ...declined(notOurs.id, { declineReason: 'not_ours' }), deleted: true })
    await expect(signageFigure()).resolves.toMatchObject({ value: 25, entryCount: 4 })
  })

  it('takes each left-out report off the sums it was added to, open or resolved', () => {
    const aggregate = aggregateOf([inTime, late, notOurs, duplicate])
    leaveOutReports(aggregate, [notOurs, duplicate])
    expect(aggregate).toMatchObject({ count: 2, amount: 2, resolvedDays: { 3: 1, 12: 1 }, openReports: [] })
  })
})
