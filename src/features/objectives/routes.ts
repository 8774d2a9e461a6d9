import type { RouteRecordRaw } from 'vue-router'

export const objectivesRoutes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./ObjectivesHomeView.vue') },
  { path: '/obiettivi/:id', name: 'objective', component: () => import('./ObjectiveDetailView.vue'), props: true },
]
