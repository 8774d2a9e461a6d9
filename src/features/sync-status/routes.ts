import type { RouteRecordRaw } from 'vue-router'

export const SYNC_STATUS_PATH = '/sincronizzazione'

export const syncStatusRoutes: RouteRecordRaw[] = [
  { path: SYNC_STATUS_PATH, name: 'sync-status', component: () => import('./SyncStatusView.vue') },
]
