import { describe, expect, it } from 'vitest'
import { BACKOFF_CAP_MS, createBackoff } from '~/sync/backoff'

describe('backoff', () => {
  it('doubles the ceiling after each failure, from 1 s up to the 5 minute cap', () => {
    const highest = createBackoff({ random: () => 0.999999 })
    const delays = Array.from({ length: 12 }, () => highest.nextDelay())
    expect(delays.slice(0, 4)).toEqual([999, 1999, 3999, 7999])
    expect(Math.max(...delays)).toBeLessThan(BACKOFF_CAP_MS)
    expect(delays.at(-1)).toBe(Math.floor(0.999999 * BACKOFF_CAP_MS))
  })

  it('spreads retries over the whole window (full jitter), never below zero', () => {
    let r = 0
    const sequence = [0, 0.5, 0.25]
    const backoff = createBackoff({ random: () => sequence[r++] })
    expect([backoff.nextDelay(), backoff.nextDelay(), backoff.nextDelay()]).toEqual([0, 1000, 1000])
  })

  it('starts again from 1 s after a success', () => {
    const backoff = createBackoff({ random: () => 0.5 })
    for (let i = 0; i < 6; i++) backoff.nextDelay()
    backoff.reset()
    expect(backoff.failures).toBe(0)
    expect(backoff.nextDelay()).toBe(500)
  })

  it('stays at the cap after very many failures', () => {
    const backoff = createBackoff({ random: () => 0.5 })
    for (let i = 0; i < 2000; i++) backoff.nextDelay()
    expect(backoff.nextDelay()).toBe(BACKOFF_CAP_MS / 2)
  })
})
