import { isAuthApiError, isAuthSessionMissingError } from '@supabase/supabase-js'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { appDatabase } from '~/db/app-database'
import { readMeta, writeMeta } from '~/db/meta-repo'
import { countUnsynced } from '~/db/outbox-repo'
import { useProfileStore } from '~/features/profile/profile-store'
import { syncRuntime } from '~/sync/engine-runtime'
import { forgetLocalSession, getSupabase } from '~/sync/supabase-client'
import { isSyncConfigured } from '~/sync/sync-config'
import { authErrorCode, type AuthErrorCode } from './auth-errors'
import { REMEMBERED_USER_KEY, rememberedUserFrom, toProfile, type RememberedUser } from './session-profile'

/**
 * Who is using the app in synced mode. The remembered user (Dexie meta) is what opens
 * the app, online or not; the Supabase session is only needed to sync, and losing it
 * (expired, revoked) asks for a new sign-in without touching local data.
 */
export const useAuthStore = defineStore('auth', () => {
  const user = ref<RememberedUser | null>(null)
  const ready = ref(false)
  const busy = ref(false)
  const error = ref<AuthErrorCode | null>(null)
  /** The server no longer accepts this device's session: sync waits for a new sign-in. */
  const sessionExpired = ref(false)
  const configured = isSyncConfigured()
  const signedIn = computed(() => user.value !== null)
  let loading: Promise<void> | null = null

  async function remember(next: RememberedUser | null): Promise<void> {
    await writeMeta(appDatabase(), REMEMBERED_USER_KEY, next)
    user.value = next
    useProfileStore().setProfile(next && toProfile(next))
  }

  /** Reads the remembered user; never waits for the network, so an offline start opens at once. */
  function init(): Promise<void> {
    loading ??= (async () => {
      if (configured) {
        const remembered = (await readMeta<RememberedUser | null>(appDatabase(), REMEMBERED_USER_KEY)) ?? null
        if (remembered) await remember(remembered)
        void revalidate()
        globalThis.addEventListener?.('online', () => void revalidate())
      }
      ready.value = true
    })()
    return loading
  }

  /** Online: asks the server who this is, picking up a changed role or area, or noticing a dead session. */
  async function revalidate(): Promise<void> {
    const supabase = getSupabase()
    if (!supabase || !user.value || globalThis.navigator?.onLine === false) return
    const { data, error: failure } = await supabase.auth.getUser()
    if (data.user?.id === user.value.userId) {
      sessionExpired.value = false
      const fresh = rememberedUserFrom(data.user)
      if (fresh) await remember(fresh)
    } else if (isAuthApiError(failure) || isAuthSessionMissingError(failure)) {
      // The server refused the session, or it is gone from this device: sync waits for a new sign-in.
      sessionExpired.value = true
    }
  }

  async function signIn(email: string, password: string): Promise<boolean> {
    const supabase = getSupabase()
    error.value = null
    if (!supabase) return fail('not_configured')
    if (globalThis.navigator?.onLine === false) return fail('offline')
    busy.value = true
    try {
      const { data, error: failure } = await supabase.auth.signInWithPassword({ email: email.trim(), password })
      if (failure || !data.user) return fail(authErrorCode(failure))
      const next = rememberedUserFrom(data.user)
      if (!next) {
        await forgetLocalSession(supabase)
        return fail('no_profile')
      }
      await remember(next)
      sessionExpired.value = false
      void syncRuntime().scheduler.requestSync('signed_in')
      return true
    } finally {
      busy.value = false
    }
  }

  function fail(code: AuthErrorCode): false {
    error.value = code
    return false
  }

  /** Unsynced work of the signed-in user; the sign-out dialog warns about it. */
  async function unsyncedCount(): Promise<number> {
    return user.value ? countUnsynced(appDatabase(), user.value.userId) : 0
  }

  /** Works offline (local scope). The user's queued work stays for their next sign-in on this device. */
  async function signOut(): Promise<void> {
    const supabase = getSupabase()
    if (supabase) await forgetLocalSession(supabase)
    await remember(null)
    sessionExpired.value = false
  }

  return { user, ready, busy, error, sessionExpired, configured, signedIn, init, revalidate, signIn, unsyncedCount, signOut }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAuthStore, import.meta.hot))
