/**
 * The browser refused a write because this origin's storage quota is used up. Dexie may hand
 * it over as its own QuotaExceededError or wrapped in an AbortError's `inner`, so the whole
 * chain is checked.
 */
export function isQuotaExceeded(error: unknown): boolean {
  for (let current = error; current; current = (current as { inner?: unknown }).inner) {
    if ((current as { name?: unknown }).name === 'QuotaExceededError') return true
  }
  return false
}
