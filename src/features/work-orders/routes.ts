import type { RouteRecordRaw } from 'vue-router'

export const workOrdersRoutes: RouteRecordRaw[] = [{ path: '/segnalazioni', name: 'triage', component: () => import('./views/TriageView.vue') }]
