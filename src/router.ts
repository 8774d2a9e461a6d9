import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'

/** One spread per feature: each owns its routes in its own routes.ts. */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('~/features/objectives/ObjectivesHomeView.vue') },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('~/ui/NotFoundView.vue') },
]

export function createAppRouter() {
  return createRouter({ history: createWebHistory(), routes })
}
