import { computed } from 'vue'
import { useProfileStore } from '~/features/profile/profile-store'
import { useSyncStatusStore } from '~/features/sync-status/sync-status-store'
import { isSyncConfigured } from '~/sync/sync-config'

/** Who may use the plans pages and whether the server can be reached (plans live there only). */
export function usePlansAccess() {
  const profile = useProfileStore()
  const sync = useSyncStatusStore()
  const isAdmin = computed(() => profile.role === 'admin')
  const configured = isSyncConfigured()
  /** Editing needs the server: offline the pages show the last synced copy and send nothing. */
  const canSend = computed(() => configured && sync.online)
  return { profile, isAdmin, configured, online: computed(() => sync.online), canSend }
}
