import { requestPersistenceOnce } from '~/pwa/storage-persistence'

/**
 * The one place the field log reports a local write: asks once for persistent storage (a saved
 * entry is worth keeping) and, once the sync engine exposes its scheduler to features, tells it
 * to sync soon (SyncScheduler.notifyLocalWrite).
 */
export function afterLocalWrite(): void {
  void requestPersistenceOnce()
}
