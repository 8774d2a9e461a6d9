import { describe, expect, it } from 'vitest'
import { isAreaId } from '~/domain/areas'

describe('area ids', () => {
  it('accepts any slug a plan may define and refuses what is not one', () => {
    expect(isAreaId('polizia_locale')).toBe(true)
    expect(isAreaId('protezione_civile')).toBe(true)
    expect(isAreaId('Polizia Locale')).toBe(false)
    expect(isAreaId('1area')).toBe(false)
    expect(isAreaId('')).toBe(false)
    expect(isAreaId(7)).toBe(false)
  })
})
