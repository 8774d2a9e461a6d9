export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000

/**
 * One scheduled check for a new app version. Skipped offline (the fetch would only fail) and
 * while a new worker is already installing.
 */
export async function checkForUpdate(
  registration: { installing: ServiceWorker | null; update(): Promise<unknown> },
  online: boolean,
): Promise<boolean> {
  if (!online || registration.installing) return false
  await registration.update()
  return true
}
