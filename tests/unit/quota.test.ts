import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { isQuotaExceeded } from '~/db/quota'

describe('recognising a full device', () => {
  it('knows the browser error, Dexie’s own, and one wrapped in an aborted transaction', () => {
    const browser = new DOMException('quota', 'QuotaExceededError')
    expect(isQuotaExceeded(browser)).toBe(true)
    expect(isQuotaExceeded(new Dexie.QuotaExceededError('full'))).toBe(true)
    expect(isQuotaExceeded(new Dexie.AbortError('aborted', browser))).toBe(true)
  })

  it('leaves every other failure alone, so it is not mistaken for a full disk', () => {
    expect(isQuotaExceeded(new Dexie.ConstraintError('duplicate id'))).toBe(false)
    expect(isQuotaExceeded(new Error('boom'))).toBe(false)
    expect(isQuotaExceeded(undefined)).toBe(false)
  })
})
