import { describe, expect, it } from 'vitest'
import { reportFacts } from '~/domain/progress/maintenance'
import type { ReportCategory } from '~/domain/entry-payloads'
import { countFixedWithin, daysToFixByCategory } from '~/domain/work-orders/counting'
import type { Decline } from '~/domain/work-orders/work-order'
import { anEntry } from '../progress/factories'

const REPORTED = '2026-11-02T09:00:00Z'
const NOW = new Date('2026-12-01T09:00:00Z')

function report(id: string, resolvedAt: string | null, { category = 'signage' as ReportCategory, reportedAt = REPORTED } = {}) {
  const entry = anEntry('terr-segnaletica', 'maintenance_report', reportedAt, { category, reportedAt, resolvedAt }, { id, status: resolvedAt ? 'resolved' : 'open' })
  return reportFacts(entry, NOW)
}

const ids = (facts: { entry: { id: string } }[]) => facts.map((f) => f.entry.id)

describe('counting "fixed within 8 days" over work orders', () => {
  const declines = new Map<string, Decline>([
    ['not-ours', { reason: 'not_ours' }],
    ['twin', { reason: 'duplicate', duplicateOf: 'late' }],
  ])
  const facts = [
    report('on-time', '2026-11-10T09:00:00Z'), // day 8
    report('late', '2026-11-11T09:00:00Z'), // day 9
    report('overdue', null),
    report('pending', null, { reportedAt: '2026-11-28T09:00:00Z' }),
    report('not-ours', null),
    report('twin', '2026-11-03T09:00:00Z'),
  ]
  const count = countFixedWithin(facts, (id) => declines.get(id) ?? null)

  it('counts the numerator and denominator report by report', () => {
    expect(ids(count.fixedInTime)).toEqual(['on-time'])
    expect(ids(count.decided)).toEqual(['on-time', 'late', 'overdue'])
    expect(ids(count.pending)).toEqual(['pending'])
  })

  it('leaves declined and duplicate reports out of both figures and lists them apart', () => {
    expect(ids(count.declined)).toEqual(['not-ours'])
    expect(ids(count.duplicates)).toEqual(['twin'])
  })

  it('gives average and median days to fix per category, over counted reports only', () => {
    const roads = [2, 3, 10].map((day, i) => report(`road-${i}`, `2026-11-${String(2 + day).padStart(2, '0')}T09:00:00Z`, { category: 'road_surface' }))
    const byCategory = daysToFixByCategory(countFixedWithin([...facts, ...roads], (id) => declines.get(id) ?? null))
    expect(byCategory).toEqual([
      { category: 'signage', resolved: 2, average: 8.5, median: 8.5 },
      { category: 'street_furniture', resolved: 0, average: null, median: null },
      { category: 'road_surface', resolved: 3, average: 5, median: 3 },
      { category: 'other', resolved: 0, average: null, median: null },
    ])
  })
})
