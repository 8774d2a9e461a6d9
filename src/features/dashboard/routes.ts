import type { RouteRecordRaw } from 'vue-router'

/** The report's path comes before `:objectiveId`, which would otherwise match "report". */
export const dashboardRoutes: RouteRecordRaw[] = [
  { path: '/cruscotto', name: 'dashboard', component: () => import('./views/DashboardView.vue') },
  { path: '/cruscotto/report', name: 'monitoring-report', component: () => import('./views/MonitoringReportView.vue') },
  { path: '/cruscotto/:objectiveId', name: 'dashboard-objective', component: () => import('./views/ObjectiveProgressView.vue'), props: true },
]
