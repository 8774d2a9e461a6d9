import { describe, expect, it } from 'vitest'
import { computeProgress } from '~/domain/progress'
import { ageBucket, reportFacts } from '~/domain/progress/maintenance'
import { maintenanceBreakdown } from '~/domain/work-orders/counting'
import { aContext, anEntry, anObjective } from './factories'

// Reported on 4 March 2024 at 17:00 in Rome.
const REPORTED = '2024-03-04T16:00:00Z'

function report(resolvedAt: string | null, reportedAt = REPORTED) {
  return anEntry('terr-segnaletica', 'maintenance_report', reportedAt, { category: 'signage', reportedAt, resolvedAt }, { status: resolvedAt ? 'resolved' : 'open' })
}

describe('maintenance reports: fixed within 8 days', () => {
  it('counts a report resolved on day 8 as in time and one resolved on day 9 as late', () => {
    const now = new Date('2024-04-01T10:00:00Z')
    expect(reportFacts(report('2024-03-12T08:00:00Z'), now)).toMatchObject({ days: 8, fixedInTime: true, overdue: false })
    expect(reportFacts(report('2024-03-13T08:00:00Z'), now)).toMatchObject({ days: 9, fixedInTime: false, overdue: false })
  })

  it('leaves a report still open on day 8 undecided, and overdue from day 9', () => {
    expect(reportFacts(report(null), new Date('2024-03-12T20:00:00Z'))).toMatchObject({ days: 8, open: true, overdue: false })
    expect(reportFacts(report(null), new Date('2024-03-12T23:30:00Z'))).toMatchObject({ days: 9, overdue: true })
  })

  it('counts calendar days in Rome: reported at 23:30, fixed at 00:30 is one day', () => {
    expect(reportFacts(report('2024-03-04T23:30:00Z', '2024-03-04T22:30:00Z'), new Date('2024-04-01T00:00:00Z')).days).toBe(1)
  })

  it('buckets open reports by age: ≤ 7, 8–14, 15–30, > 30 days', () => {
    expect([0, 7, 8, 14, 15, 30, 31].map(ageBucket)).toEqual(['upTo7', 'upTo7', 'from8to14', 'from8to14', 'from15to30', 'from15to30', 'over30'])
    const now = '2024-04-20T10:00:00Z'
    const summary = maintenanceBreakdown(
      [report(null, '2024-04-18T10:00:00Z'), report(null, '2024-04-10T10:00:00Z'), report(null, '2024-03-01T10:00:00Z'), report('2024-03-06T10:00:00Z')],
      new Date(now),
      8,
      () => null,
    )
    expect(summary.buckets).toEqual({ upTo7: 1, from8to14: 1, from15to30: 0, over30: 1 })
    expect(summary.late.filter((f) => f.open).map((f) => f.days)).toEqual([50, 10])
  })

  it('averages the days to fix over resolved reports only', () => {
    const summary = maintenanceBreakdown([report('2024-03-12T08:00:00Z'), report('2024-03-13T08:00:00Z'), report('2024-03-05T08:00:00Z'), report(null)], new Date('2024-03-06T10:00:00Z'), 8, () => null)
    expect(summary.averageDaysToFix).toBe(6)
  })

  it('reaches the 75% target with 3 of 4 decided reports fixed in time, ignoring the one still within its days', () => {
    const signage = anObjective('terr-segnaletica', { kind: 'share', target: 75, unit: '%', withinDays: 8, entryKinds: ['maintenance_report'] })
    const entries = [
      report('2024-03-06T08:00:00Z'),
      report('2024-03-10T08:00:00Z'),
      report('2024-03-12T08:00:00Z'),
      report('2024-03-20T08:00:00Z'),
      report(null, '2024-06-25T08:00:00Z'),
    ]
    const p = computeProgress(signage, null, entries, aContext('2024-06-30T22:00:00Z'))
    expect(p).toMatchObject({ value: 75, target: 75, status: 'on_track' })
    expect(p.explanation[1]).toEqual({ key: 'share.fixedWithin', params: { fixed: 3, decided: 4, days: 8, pending: 1 } })
  })

  it('has no share before any report is decided', () => {
    const signage = anObjective('terr-segnaletica', { kind: 'share', target: 75, withinDays: 8, entryKinds: ['maintenance_report'] })
    expect(computeProgress(signage, null, [report(null)], aContext('2024-03-06T10:00:00Z'))).toMatchObject({ status: 'not_started', reason: 'no_data' })
  })
})

describe('share from office batches', () => {
  it('divides the quantities by the totals and is at risk at 85% of a 90% target', () => {
    const forms = anObjective('terr-modulistica', { kind: 'share', target: 90, entryKinds: ['count_update'] })
    const entries = [
      anEntry('terr-modulistica', 'count_update', '2024-02-01T10:00:00Z', { quantity: 8, total: 10 }),
      anEntry('terr-modulistica', 'count_update', '2024-03-01T10:00:00Z', { quantity: 9, total: 10 }),
    ]
    // 17 / 20 = 85%, 85 / 90 = 0.94 of the target: at risk.
    expect(computeProgress(forms, null, entries, aContext('2024-06-30T22:00:00Z'))).toMatchObject({ value: 85, status: 'at_risk' })
  })
})
