/** The header's navigation. A feature adds its entry with one line; `roles` limits who sees it. */
export interface NavItem {
  to: string
  /** i18n key of the label: under `nav`, whose messages the shell carries (the header is on every screen). */
  label: string
  roles?: readonly string[]
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/campo', label: 'nav.field', roles: ['officer', 'worker'] },
  { to: '/', label: 'nav.objectives' },
  { to: '/sincronizzazione', label: 'nav.queue' },
  { to: '/impostazioni', label: 'nav.settings' },
  { to: '/cruscotto', label: 'nav.dashboard', roles: ['manager', 'admin'] },
  { to: '/segnalazioni', label: 'nav.workOrders', roles: ['manager', 'admin'] },
  { to: '/amministrazione', label: 'nav.admin', roles: ['manager', 'admin'] },
]

export function visibleNavItems(items: readonly NavItem[], role: string | null): NavItem[] {
  return items.filter((item) => !item.roles || (role !== null && item.roles.includes(role)))
}
