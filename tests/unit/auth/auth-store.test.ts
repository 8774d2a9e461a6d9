import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { appDatabase } from '~/db/app-database'
import { writeMeta } from '~/db/meta-repo'
import { REMEMBERED_USER_KEY, type RememberedUser } from '~/features/auth/session-profile'
import { logEntriesOffline } from '../sync/factories'

const officer: RememberedUser = {
  userId: 'officer-1',
  email: 'agente@comune.test',
  displayName: 'Agente Rossi',
  role: 'officer',
  areaId: 'polizia_locale',
}

/** Synced mode with no network at all: every request fails like a tablet in a valley. */
async function loadSyncedApp() {
  vi.resetModules()
  vi.stubEnv('VITE_SUPABASE_URL', 'http://gateway.test')
  vi.stubEnv('VITE_SUPABASE_ANON_KEY', 'anon')
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  setActivePinia(createPinia())
  const { useAuthStore } = await import('~/features/auth/auth-store')
  const { useProfileStore } = await import('~/features/profile/profile-store')
  const { installAuthGuard } = await import('~/features/auth/auth-guard')
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<p>home</p>' } },
      { path: '/accedi', component: { template: '<p>sign in</p>' }, meta: { public: true } },
    ],
  })
  installAuthGuard(router)
  return { auth: useAuthStore(), profile: useProfileStore(), router }
}

describe('auth store (synced mode)', () => {
  beforeEach(async () => {
    // supabase-js logs each failed fetch and each new client; not what these tests check.
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    await appDatabase().meta.clear()
    await appDatabase().outbox.clear()
  })
  afterEach(() => {
    vi.restoreAllMocks()
    vi.unstubAllEnvs()
    vi.unstubAllGlobals()
  })

  it('opens the app offline for the user who signed in earlier, with their profile', async () => {
    await writeMeta(appDatabase(), REMEMBERED_USER_KEY, officer)
    const { auth, profile, router } = await loadSyncedApp()
    await router.push('/')
    expect(router.currentRoute.value.path).toBe('/')
    expect(auth.user).toMatchObject({ userId: 'officer-1' })
    expect(profile.profile).toEqual({ userId: 'officer-1', displayName: 'Agente Rossi', role: 'officer', areaId: 'polizia_locale' })
  })

  it('sends a first-time user to the sign-in page, keeping where they wanted to go', async () => {
    const { router } = await loadSyncedApp()
    await router.push('/?tab=mine')
    expect(router.currentRoute.value.path).toBe('/accedi')
    expect(router.currentRoute.value.query.redirect).toBe('/?tab=mine')
  })

  it('explains that the first sign-in needs the network', async () => {
    const { auth } = await loadSyncedApp()
    expect(await auth.signIn('agente@comune.test', 'secret')).toBe(false)
    expect(auth.error).toBe('offline')
  })

  it('warns about unsent work on sign-out and keeps it on the device for the next sign-in', async () => {
    await writeMeta(appDatabase(), REMEMBERED_USER_KEY, officer)
    await logEntriesOffline(appDatabase(), 3, 'officer-1')
    await logEntriesOffline(appDatabase(), 2, 'worker-7')
    const { auth, profile } = await loadSyncedApp()
    await auth.init()
    expect(await auth.unsyncedCount()).toBe(3)
    await auth.signOut()
    expect(auth.user).toBeNull()
    expect(profile.profile).toBeNull()
    expect(await appDatabase().outbox.count()).toBe(5)
  })
})
