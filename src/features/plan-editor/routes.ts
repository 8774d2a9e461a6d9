import type { RouteRecordRaw } from 'vue-router'

export const planEditorRoutes: RouteRecordRaw[] = [
  { path: '/amministrazione/piani', name: 'plans', component: () => import('./views/PlansView.vue') },
  { path: '/amministrazione/piani/:planId', name: 'plan-editor', component: () => import('./views/PlanEditorView.vue'), props: true },
]
