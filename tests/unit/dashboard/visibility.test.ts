import { describe, expect, it } from 'vitest'
import { PISOGNE_OBJECTIVES } from '~/domain/catalogue'
import { canAdminister, canSee } from '~/features/dashboard/visibility'
import { isStale } from '~/features/dashboard/format'
import { PISOGNE_PLAN_RECORD } from '~/domain/catalogue'
import { defaultPlanYear } from '~/domain/plan'

describe('who sees which objectives', () => {
  it('shows the Polizia Locale manager its 4 objectives and the ones it contributes to, not other areas\' own', () => {
    const seen = PISOGNE_OBJECTIVES.filter(canSee({ role: 'manager', areaId: 'polizia_locale' }))
    expect(seen.filter((o) => o.areaId === 'polizia_locale')).toHaveLength(4)
    expect(seen.map((o) => o.id)).toContain('terr-segnaletica')
    expect(seen.map((o) => o.id)).not.toContain('fin-imu-tari')
  })

  it('shows an admin all 29 objectives, and nobody without an area anything', () => {
    expect(PISOGNE_OBJECTIVES.filter(canSee({ role: 'admin', areaId: null }))).toHaveLength(29)
    expect(PISOGNE_OBJECTIVES.filter(canSee({ role: 'manager', areaId: null }))).toHaveLength(0)
  })

  it('lets a manager administer only their own area', () => {
    expect(canAdminister({ role: 'manager', areaId: 'territorio' }, 'territorio')).toBe(true)
    expect(canAdminister({ role: 'manager', areaId: 'territorio' }, 'finanziaria')).toBe(false)
    expect(canAdminister({ role: 'officer', areaId: 'territorio' }, 'territorio')).toBe(false)
    expect(canAdminister({ role: 'admin', areaId: null }, 'sociale')).toBe(true)
  })
})

describe('freshness and period', () => {
  it('warns when the last sync is more than a day old, not for data never synced', () => {
    const now = new Date('2024-07-02T12:00:00Z')
    expect(isStale('2024-07-01T11:59:00Z', now)).toBe(true)
    expect(isStale('2024-07-01T12:01:00Z', now)).toBe(false)
    expect(isStale(null, now)).toBe(false)
  })

  it('opens on the current year, also past the plan\'s end while no newer plan is in force', () => {
    expect(defaultPlanYear(PISOGNE_PLAN_RECORD, '2024-05-01')).toBe(2024)
    expect(defaultPlanYear(PISOGNE_PLAN_RECORD, '2026-11-26')).toBe(2026)
  })
})
