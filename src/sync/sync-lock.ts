/**
 * One sync at a time across tabs: the Web Locks API with `ifAvailable`, so a tab
 * that finds another one syncing simply skips its round. Browsers without
 * navigator.locks fall back to a mutex within this tab.
 */
export const SYNC_LOCK_NAME = 'sulcampo-sync'

export type LockRunner = <T>(task: () => Promise<T>) => Promise<{ ran: true; value: T } | { ran: false }>

interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>
}

export function createSyncLock(locks: LockManagerLike | null = globalThis.navigator?.locks ?? null): LockRunner {
  if (locks) {
    return (task) =>
      locks.request(SYNC_LOCK_NAME, { ifAvailable: true }, async (lock) =>
        lock ? { ran: true as const, value: await task() } : { ran: false as const },
      )
  }
  let busy = false
  return async (task) => {
    if (busy) return { ran: false }
    busy = true
    try {
      return { ran: true, value: await task() }
    } finally {
      busy = false
    }
  }
}
