import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router'
import { loadFeatureMessages, type MessageTarget } from '~/i18n'
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
import { workOrdersRoutes } from '~/features/work-orders/routes'
import { transparencyRoutes } from '~/features/transparency/routes'

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
  ...workOrdersRoutes,
  ...transparencyRoutes,
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('~/ui/NotFoundView.vue'), meta: { firstScreen: true } },
]

/**
 * Screens beyond the first (routes without `meta.firstScreen`) need the features' messages: their
 * download starts with the navigation, alongside the screen's own code, and is awaited before it renders.
 */
function installFeatureMessages(router: Router, i18n: MessageTarget): void {
  router.beforeEach((to) => {
    if (!to.meta.firstScreen) loadFeatureMessages(i18n).catch(() => undefined)
  })
  router.beforeResolve(async (to) => {
    if (!to.meta.firstScreen) await loadFeatureMessages(i18n)
  })
}

export function createAppRouter(i18n: MessageTarget) {
  const router = createRouter({ history: createWebHistory(), routes })
  installAuthGuard(router)
  installFeatureMessages(router, i18n)
  return router
}
