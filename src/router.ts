import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { objectivesRoutes } from '~/features/objectives/routes'
import { settingsRoutes } from '~/features/settings/routes'
import { fieldLogRoutes } from '~/features/field-log/routes'
import { authRoutes } from '~/features/auth/routes'
import { installAuthGuard } from '~/features/auth/auth-guard'
import { syncStatusRoutes } from '~/features/sync-status/routes'
import { dashboardRoutes } from '~/features/dashboard/routes'
import { adminRoutes } from '~/features/admin/routes'
import { dashboardMapRoutes } from '~/features/dashboard/map/routes'
import { planEditorRoutes } from '~/features/plan-editor/routes'

/** One spread per feature: each owns its routes in its own routes.ts. */
export const routes: RouteRecordRaw[] = [
  ...objectivesRoutes,
  ...settingsRoutes,
  ...fieldLogRoutes,
  ...authRoutes,
  ...syncStatusRoutes,
  ...dashboardRoutes,
  ...dashboardMapRoutes,
  ...adminRoutes,
  ...planEditorRoutes,
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('~/ui/NotFoundView.vue') },
]

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes })
  installAuthGuard(router)
  return router
}
