import type { RouteRecordRaw } from 'vue-router'

/** A static segment outranks `/cruscotto/:objectiveId` in vue-router, whatever the order. */
export const dashboardMapRoutes: RouteRecordRaw[] = [
  { path: '/cruscotto/mappa', name: 'dashboard-map', component: () => import('./EntriesMapView.vue') },
]
