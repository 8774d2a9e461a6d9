import type { RouteRecordRaw } from 'vue-router'

export const SIGN_IN_PATH = '/accedi'

export const authRoutes: RouteRecordRaw[] = [
  { path: SIGN_IN_PATH, name: 'sign-in', component: () => import('./SignInView.vue'), meta: { public: true } },
]
