import type { RouteRecordRaw } from 'vue-router'

export const TRANSPARENCY_PATH = '/trasparenza'

/**
 * The public page (docs/transparency.md): no sign-in (`public`), and the citizen's shell
 * (`citizen`): no app navigation, no sync bar, nothing of the device's user.
 */
export const transparencyRoutes: RouteRecordRaw[] = [
  { path: TRANSPARENCY_PATH, name: 'transparency', component: () => import('./views/TransparencyView.vue'), meta: { public: true, citizen: true } },
  {
    path: `${TRANSPARENCY_PATH}/:snapshotId`,
    name: 'transparency-snapshot',
    component: () => import('./views/TransparencyView.vue'),
    props: true,
    meta: { public: true, citizen: true },
  },
]
