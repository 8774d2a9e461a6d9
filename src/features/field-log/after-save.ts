import { requestPersistenceOnce } from '~/pwa/storage-persistence'
import { notifyLocalWrite } from '~/sync/sync-runtime'

/**
 * The one place the field log reports a local write: the sync engine syncs soon (a no-op in
 * device-only mode), and the browser is asked once to keep our storage (a saved entry is worth it).
 */
export function afterLocalWrite(): void {
  notifyLocalWrite()
  void requestPersistenceOnce()
}
