import { describe, expect, it } from 'vitest'
import { isOverdue, reportAgeDays, reportDeadline, resolvedOnTime } from '~/domain/report-age'
import { fromRomeInput } from '~/domain/time-rome'

const rome = (wall: string) => fromRomeInput(wall)

describe('maintenance report age and the 8-day deadline (Rome calendar days)', () => {
  it('counts calendar days, so a report made at 23:50 is one day old ten minutes later', () => {
    expect(reportAgeDays(rome('2026-11-10T23:50'), rome('2026-11-11T00:00'))).toBe(1)
  })

  it('is 0 days old on the day it was made', () => {
    expect(reportAgeDays(rome('2026-11-10T08:00'), rome('2026-11-10T22:00'))).toBe(0)
  })

  it('puts the deadline 8 calendar days after the report', () => {
    expect(reportDeadline(rome('2026-11-10T08:00'))).toBe('2026-11-18')
  })

  it('is still on time at 23:59 on day 8', () => {
    expect(resolvedOnTime(rome('2026-11-10T08:00'), rome('2026-11-18T23:59'))).toBe(true)
    expect(isOverdue(rome('2026-11-10T08:00'), null, rome('2026-11-18T23:59'))).toBe(false)
  })

  it('is overdue from the first minute of day 9', () => {
    expect(isOverdue(rome('2026-11-10T08:00'), null, rome('2026-11-19T00:00'))).toBe(true)
    expect(resolvedOnTime(rome('2026-11-10T08:00'), rome('2026-11-19T00:01'))).toBe(false)
  })

  it('judges a resolved report by when it was resolved, not by today', () => {
    expect(isOverdue(rome('2026-11-10T08:00'), rome('2026-11-12T10:00'), rome('2026-12-31T10:00'))).toBe(false)
  })

  it('is not shifted by the autumn clock change (a 25-hour day inside the 8 days)', () => {
    // 25 Oct 2026 has 25 hours; 8 × 24 h from 20 Oct 00:30 would end on 27 Oct 23:30.
    expect(reportAgeDays(rome('2026-10-20T00:30'), rome('2026-10-28T00:10'))).toBe(8)
    expect(isOverdue(rome('2026-10-20T00:30'), null, rome('2026-10-28T23:59'))).toBe(false)
  })

  it('is not shifted by the spring clock change (a 23-hour day inside the 8 days)', () => {
    expect(reportAgeDays(rome('2026-03-25T23:30'), rome('2026-04-02T23:30'))).toBe(8)
    expect(isOverdue(rome('2026-03-25T23:30'), null, rome('2026-04-03T00:00'))).toBe(true)
  })
})
