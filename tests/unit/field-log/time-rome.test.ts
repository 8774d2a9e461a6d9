import { describe, expect, it } from 'vitest'
import { fromRomeInput, isWithinEveningWindow, romeDate, romeMonth, toRomeInput } from '~/domain/time-rome'

describe('Europe/Rome time', () => {
  it('shows a winter instant one hour ahead of UTC and a summer one two hours ahead', () => {
    expect(toRomeInput('2026-01-15T17:00:00.000Z')).toBe('2026-01-15T18:00')
    expect(toRomeInput('2026-07-15T16:00:00.000Z')).toBe('2026-07-15T18:00')
  })

  it('reads a typed Rome time back to the same UTC instant', () => {
    expect(fromRomeInput('2026-01-15T18:00')).toBe('2026-01-15T17:00:00.000Z')
    expect(fromRomeInput('2026-07-15T18:00')).toBe('2026-07-15T16:00:00.000Z')
  })

  it('takes the earlier instant for a time in the repeated autumn hour', () => {
    // 25 Oct 2026: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice.
    expect(fromRomeInput('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z')
  })

  it('reads a time skipped in spring with the winter offset', () => {
    // 29 Mar 2026: 02:00 CET jumps to 03:00 CEST.
    expect(fromRomeInput('2026-03-29T02:30')).toBe('2026-03-29T01:30:00.000Z')
  })

  it('rejects text that is not a time', () => {
    expect(fromRomeInput('domani sera')).toBe('')
  })

  it('dates an instant just after midnight Rome on the Rome day, not the UTC one', () => {
    expect(romeDate('2026-11-25T23:30:00.000Z')).toBe('2026-11-26')
    expect(romeMonth('2026-11-30T23:30:00.000Z')).toBe('2026-12')
  })
})

describe('evening shift window 18:00–24:00 Rome', () => {
  const rome = (wall: string) => fromRomeInput(wall)

  it.each([
    ['winter 18:00–23:00', '2026-01-15T18:00', '2026-01-15T23:00', true],
    ['summer 18:00–24:00', '2026-07-15T18:00', '2026-07-16T00:00', true],
    ['a start at 17:59', '2026-07-15T17:59', '2026-07-15T23:00', false],
    ['an end at 00:01', '2026-01-15T19:00', '2026-01-16T00:01', false],
    ['an end before the start', '2026-01-15T22:00', '2026-01-15T19:00', false],
    ['the spring DST day', '2026-03-29T18:00', '2026-03-30T00:00', true],
    ['the autumn DST day', '2026-10-25T18:00', '2026-10-26T00:00', true],
    ['the autumn DST day ending 00:30', '2026-10-25T18:00', '2026-10-26T00:30', false],
  ])('%s', (_what, start, end, expected) => {
    expect(isWithinEveningWindow(rome(start), rome(end))).toBe(expected)
  })
})
