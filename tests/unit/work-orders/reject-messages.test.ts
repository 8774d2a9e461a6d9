import { describe, expect, it } from 'vitest'
import { REJECT_CODES } from '~/domain/sync-protocol'
import { rejectMessageKey } from '~/features/sync-status/reject-message-key'
import { createAppI18n } from '~/i18n'
import { FEATURE_MESSAGES } from '~/i18n/feature-messages'

describe('messages of server refusals', () => {
  it.each(['it', 'en'] as const)('translates every reject code in %s, work-order refusals included', (locale) => {
    const { te } = createAppI18n(locale, FEATURE_MESSAGES).global
    expect(REJECT_CODES.filter((code) => !te(rejectMessageKey(code), locale))).toEqual([])
  })
})
