import { describe, expect, it } from 'vitest'
import { AREA_IDS, isAreaId } from '~/domain/areas'

describe('areas', () => {
  it('knows the six PIAO areas and rejects others', () => {
    expect(AREA_IDS).toHaveLength(6)
    expect(isAreaId('polizia_locale')).toBe(true)
    expect(isAreaId('marketing')).toBe(false)
  })
})
