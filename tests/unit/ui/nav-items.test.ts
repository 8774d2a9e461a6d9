import { describe, expect, it } from 'vitest'
import { visibleNavItems, type NavItem } from '~/ui/nav-items'

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
})
