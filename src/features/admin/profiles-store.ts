import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import type { AreaId } from '~/domain/areas'
import type { Role } from '~/features/profile/profile'
import { listProfiles, ProfilesApiError, setProfileRoleArea, type ProfileRow, type ProfilesErrorCode } from '~/sync/profiles-api'

const errorCode = (error: unknown): ProfilesErrorCode => (error instanceof ProfilesApiError ? error.code : 'failed')

/** The admin's list of profiles, read from and changed on the server (synced mode only). */
export const useProfilesAdminStore = defineStore('profiles-admin', () => {
  const rows = ref<ProfileRow[]>([])
  const state = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')
  const loadError = ref<ProfilesErrorCode | null>(null)

  async function load(): Promise<void> {
    state.value = 'loading'
    try {
      rows.value = await listProfiles()
      state.value = 'ready'
    } catch (error) {
      loadError.value = errorCode(error)
      state.value = 'failed'
    }
  }

  /** Returns the error code a user meets, or null once the server holds the change. */
  async function save(userId: string, role: Role, areaId: AreaId | null): Promise<ProfilesErrorCode | null> {
    try {
      const changed = await setProfileRoleArea(userId, role, areaId)
      rows.value = rows.value.map((r) => (r.id === changed.id ? changed : r))
      return null
    } catch (error) {
      console.warn('admin: profile change refused', error)
      return errorCode(error)
    }
  }

  return { rows, state, loadError, load, save }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useProfilesAdminStore, import.meta.hot))
