import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AreaId } from '~/domain/areas'
import { appDatabase } from '~/db/app-database'
import { META_KEYS, readMeta, writeMeta } from '~/db/meta-repo'
import { appMode, type Profile, type Role } from './profile'

export const useProfileStore = defineStore('profile', () => {
  const profile = ref<Profile | null>(null)
  const loaded = ref(false)
  const mode = appMode()

  const userId = computed(() => profile.value?.userId ?? null)
  const displayName = computed(() => profile.value?.displayName ?? null)
  const role = computed(() => profile.value?.role ?? null)
  const areaId = computed(() => profile.value?.areaId ?? null)
  /** Device-only mode asks for a demo role on first start; synced mode gets it from sign-in. */
  const needsDemoRole = computed(() => mode === 'device' && loaded.value && profile.value === null)

  /** Plain setter: the sign-in flow calls it with the Supabase profile in synced mode. */
  function setProfile(next: Profile | null): void {
    profile.value = next
    loaded.value = true
  }

  async function load(): Promise<void> {
    if (mode === 'device') profile.value = (await readMeta<Profile>(appDatabase(), META_KEYS.profile)) ?? null
    loaded.value = true
  }

  /** Keeps the device's user id when the role changes, so earlier entries stay the same author's. */
  async function chooseDemoRole(nextRole: Role, nextArea: AreaId | null, displayName: string): Promise<void> {
    const next: Profile = {
      userId: profile.value?.userId ?? crypto.randomUUID(),
      displayName,
      role: nextRole,
      areaId: nextArea,
    }
    await writeMeta(appDatabase(), META_KEYS.profile, next)
    setProfile(next)
  }

  return { profile, loaded, mode, userId, displayName, role, areaId, needsDemoRole, setProfile, load, chooseDemoRole }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useProfileStore, import.meta.hot))
