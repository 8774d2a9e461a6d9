import type { Router } from 'vue-router'
import { isSyncConfigured } from '~/sync/sync-config'
import { SIGN_IN_PATH } from './routes'

/**
 * Synced mode: every page but sign-in needs a user. The remembered user counts, so an
 * offline start after an earlier sign-in opens the app; device-only mode has no gate and
 * never loads the auth store (nor supabase-js).
 */
export function installAuthGuard(router: Router): void {
  router.beforeEach(async (to) => {
    if (!isSyncConfigured() || to.meta.public) return true
    const { useAuthStore } = await import('./auth-store')
    const auth = useAuthStore()
    await auth.init()
    return auth.signedIn ? true : { path: SIGN_IN_PATH, query: { redirect: to.fullPath } }
  })
}
