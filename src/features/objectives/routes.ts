import type { RouteRecordRaw } from 'vue-router'

export const objectivesRoutes: RouteRecordRaw[] = [
  // The first screen: its messages are bundled with the shell (src/i18n/index.ts).
  { path: '/', name: 'home', component: () => import('./ObjectivesHomeView.vue'), meta: { firstScreen: true } },
  { path: '/obiettivi/:id', name: 'objective', component: () => import('./ObjectiveDetailView.vue'), props: true },
]
