import { describe, expect, it } from 'vitest'
import { createAppI18n, loadLocale } from '~/i18n'
import { NAV_ITEMS, visibleNavItems, type NavItem } from '~/ui/nav-items'

describe('header navigation', () => {
  const items: NavItem[] = [
    { to: '/', label: 'nav.objectives' },
    { to: '/cruscotto', label: 'nav.dashboard', roles: ['manager', 'admin'] },
  ]

  it('shows role-limited entries only to those roles', () => {
    expect(visibleNavItems(items, 'officer').map((i) => i.to)).toEqual(['/'])
    expect(visibleNavItems(items, 'manager').map((i) => i.to)).toEqual(['/', '/cruscotto'])
    expect(visibleNavItems(items, null).map((i) => i.to)).toEqual(['/'])
  })

  it('has every label in both languages before any feature messages are loaded', async () => {
    for (const locale of ['it', 'en'] as const) {
      const { global } = createAppI18n(locale)
      await loadLocale(global, locale)
      const { te } = global
      expect(NAV_ITEMS.filter((item) => !te(item.label, locale)).map((item) => item.label), locale).toEqual([])
    }
  })
})
