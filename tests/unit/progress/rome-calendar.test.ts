import { describe, expect, it } from 'vitest'
import { reportAgeDays } from '~/domain/report-age'
import { romeDayNumber, romeMidnightUtc, romeMonthKey, romeMonthBounds } from '~/domain/progress/rome-calendar'

describe('Europe/Rome calendar', () => {
  it('puts New Year at 23:00 UTC of the day before (winter time)', () => {
    expect(new Date(romeMidnightUtc(2024, 0, 1)).toISOString()).toBe('2023-12-31T23:00:00.000Z')
  })

  it('puts a summer midnight at 22:00 UTC', () => {
    expect(new Date(romeMidnightUtc(2024, 6, 1)).toISOString()).toBe('2024-06-30T22:00:00.000Z')
  })

  it('counts a late-evening entry in the Rome month, not the UTC one', () => {
    expect(romeMonthKey('2024-01-31T23:30:00Z')).toBe('2024-02')
    expect(romeMonthKey('2024-03-31T22:30:00Z')).toBe('2024-04')
    expect(romeMonthKey('2024-03-31T21:30:00Z')).toBe('2024-03')
  })

  it('gives month bounds that follow the clock change', () => {
    const march = romeMonthBounds('2024-03')
    expect(new Date(march.start).toISOString()).toBe('2024-02-29T23:00:00.000Z')
    expect(new Date(march.end).toISOString()).toBe('2024-03-31T22:00:00.000Z')
  })

  it('counts calendar days across midnight in Rome', () => {
    expect(romeDayNumber('2024-03-05T22:59:00Z') - romeDayNumber('2024-03-05T22:30:00Z')).toBe(0)
    expect(romeDayNumber('2024-03-05T23:30:00Z') - romeDayNumber('2024-03-05T22:59:00Z')).toBe(1)
  })
})

describe('agreement with the field log\'s report age', () => {
  it('counts the same calendar days as reportAgeDays across both clock changes of a year', () => {
    const reported = '2024-03-20T22:30:00Z'
    for (let hours = 0; hours < 24 * 240; hours += 7) {
      const until = new Date(Date.parse(reported) + hours * 3_600_000).toISOString()
      expect(romeDayNumber(until) - romeDayNumber(reported), until).toBe(reportAgeDays(reported, until))
    }
  })
})
