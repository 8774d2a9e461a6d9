import type { RouteRecordRaw } from 'vue-router'
import ObjectivesHomeView from './ObjectivesHomeView.vue'

export const objectivesRoutes: RouteRecordRaw[] = [
  // The first screen: its code is in the shell (no second round trip before it can render) and its
  // messages are bundled with the shell's (src/i18n/index.ts).
  { path: '/', name: 'home', component: ObjectivesHomeView, meta: { firstScreen: true } },
  { path: '/obiettivi/:id', name: 'objective', component: () => import('./ObjectiveDetailView.vue'), props: true },
]
