import { describe, expect, it } from 'vitest'
import { reportDeadline } from '~/domain/report-age'
import { clockAt } from '~/domain/work-orders/clock'

const open = (reportedAt: string, dueOn: string | null = null) => ({ reportedAt, dueOn, resolvedAt: null })

describe('work-order clock', () => {
  it('is due on day 8 of the Rome calendar, the same day the report-age rule gives', () => {
    const reportedAt = '2026-11-10T09:00:00Z'
    expect(clockAt(open(reportedAt), reportedAt)).toEqual({ dueDate: '2026-11-18', daysLeft: 8, state: 'on_time' })
    expect(reportDeadline(reportedAt)).toBe('2026-11-18')
  })

  it('reads on time, then due soon two days before, due today on day 8 and overdue from day 9', () => {
    const order = open('2026-11-10T09:00:00Z')
    const states = ['2026-11-15T12:00:00Z', '2026-11-16T12:00:00Z', '2026-11-17T12:00:00Z', '2026-11-18T22:59:00Z', '2026-11-18T23:00:00Z'].map(
      (now) => [clockAt(order, now).daysLeft, clockAt(order, now).state],
    )
    expect(states).toEqual([
      [3, 'on_time'],
      [2, 'due_soon'],
      [1, 'due_soon'],
      [0, 'due_today'],
      [-1, 'overdue'],
    ])
  })

  // Each DST week: a report, the last minute of its due day, and the first minute after it.
  it.each([
    ['spring (29 March 2026, an hour short)', '2026-03-25T09:00:00Z', '2026-04-02', '2026-04-02T21:59:00Z', '2026-04-02T22:00:00Z'],
    ['autumn (25 October 2026, an hour long)', '2026-10-20T10:00:00Z', '2026-10-28', '2026-10-28T22:59:00Z', '2026-10-28T23:00:00Z'],
  ])('keeps day 8 a whole Rome day across the %s change', (_, reportedAt, dueDate, lastMinute, nextMidnight) => {
    expect(clockAt(open(reportedAt), lastMinute)).toEqual({ dueDate, daysLeft: 0, state: 'due_today' })
    expect(clockAt(open(reportedAt), nextMidnight)).toMatchObject({ daysLeft: -1, state: 'overdue' })
  })

  it.each([
    ['2026-03-28T22:30:00Z', '2026-04-05', '23:30 CET on the Saturday before the spring change'],
    ['2026-03-28T23:30:00Z', '2026-04-06', '00:30 CET on that Sunday, before the clocks go forward'],
    ['2026-03-29T01:30:00Z', '2026-04-06', '03:30 CEST, just after'],
    ['2026-10-24T21:30:00Z', '2026-11-01', '23:30 CEST on the Saturday before the autumn change'],
    ['2026-10-25T00:30:00Z', '2026-11-02', '02:30 CEST, the repeated hour the first time round'],
    ['2026-10-25T01:30:00Z', '2026-11-02', '02:30 CET, the second time round'],
  ])('dates a report made at %s from its Rome day: due %s (%s)', (reportedAt, due) => {
    expect(clockAt(open(reportedAt), reportedAt).dueDate).toBe(due)
    expect(reportDeadline(reportedAt)).toBe(due)
  })

  it('stops on the day an order is resolved: late stays overdue, in time reads on time', () => {
    const reportedAt = '2026-11-10T09:00:00Z'
    const later = '2026-12-20T09:00:00Z'
    expect(clockAt({ reportedAt, dueOn: null, resolvedAt: '2026-11-18T20:00:00Z' }, later)).toMatchObject({ daysLeft: 0, state: 'on_time' })
    expect(clockAt({ reportedAt, dueOn: null, resolvedAt: '2026-11-19T08:00:00Z' }, later)).toMatchObject({ daysLeft: -1, state: 'overdue' })
  })

  it('counts down to the due day a manager set instead of day 8', () => {
    expect(clockAt(open('2026-11-10T09:00:00Z', '2026-11-12'), '2026-11-11T09:00:00Z')).toEqual({ dueDate: '2026-11-12', daysLeft: 1, state: 'due_soon' })
  })
})
