import type { RouteRecordRaw } from 'vue-router'

export const settingsRoutes: RouteRecordRaw[] = [
  { path: '/impostazioni', name: 'settings', component: () => import('./SettingsView.vue') },
]
