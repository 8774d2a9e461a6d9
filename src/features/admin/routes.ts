import type { RouteRecordRaw } from 'vue-router'

export const adminRoutes: RouteRecordRaw[] = [{ path: '/amministrazione', name: 'admin', component: () => import('./views/AdminView.vue') }]
