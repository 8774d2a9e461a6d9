/**
 * Exponential backoff with full jitter: the n-th consecutive failure waits a random
 * time in [0, min(cap, base·2^n)), so many tablets coming back online at once do not
 * hit the server in lockstep. Success resets it.
 */
export interface BackoffOptions {
  baseMs?: number
  capMs?: number
  random?: () => number
}

export interface Backoff {
  /** The wait before the next retry; each call counts one more failure. */
  nextDelay(): number
  reset(): void
  readonly failures: number
}

export const BACKOFF_BASE_MS = 1_000
export const BACKOFF_CAP_MS = 5 * 60_000

export function createBackoff(options: BackoffOptions = {}): Backoff {
  const base = options.baseMs ?? BACKOFF_BASE_MS
  const cap = options.capMs ?? BACKOFF_CAP_MS
  const random = options.random ?? Math.random
  let failures = 0
  return {
    nextDelay() {
      // Past 2^30 the ceiling is the cap anyway; stop the exponent growing to Infinity.
      const ceiling = Math.min(cap, base * 2 ** Math.min(failures, 30))
      failures++
      return Math.floor(random() * ceiling)
    },
    reset() {
      failures = 0
    },
    get failures() {
      return failures
    },
  }
}
