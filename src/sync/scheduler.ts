import { createBackoff, type Backoff } from './backoff'
import type { SyncEngine, SyncOutcome } from './engine'

/**
 * When to sync: app start, `online`, the tab becoming visible, shortly after a local
 * write, and a timer while the tab is visible. Failures retry with backoff; while a
 * retry is waiting, writes and timer ticks leave it to the retry, whereas `online`,
 * "sync now" and becoming visible try at once (the user or the network just changed).
 */
export type SyncTrigger = 'start' | 'online' | 'visible' | 'write' | 'timer' | 'retry' | 'manual' | 'signed_in'

export const WRITE_DEBOUNCE_MS = 2_000
export const VISIBLE_INTERVAL_MS = 60_000

const URGENT: ReadonlySet<SyncTrigger> = new Set(['start', 'online', 'visible', 'manual', 'signed_in', 'retry'])

export interface SchedulerOptions {
  engine: Pick<SyncEngine, 'syncNow'>
  backoff?: Backoff
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'>
  document?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>
  writeDebounceMs?: number
  intervalMs?: number
}

export interface SyncScheduler {
  start(): void
  stop(): void
  /** Call after writeChange(): a sync follows once writes pause for a moment. */
  notifyLocalWrite(): void
  requestSync(trigger: SyncTrigger): Promise<SyncOutcome | null>
}

export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const { engine } = options
  const backoff = options.backoff ?? createBackoff()
  const win = options.window ?? globalThis.window
  const doc = options.document ?? globalThis.document
  const debounceMs = options.writeDebounceMs ?? WRITE_DEBOUNCE_MS
  const intervalMs = options.intervalMs ?? VISIBLE_INTERVAL_MS
  let running: Promise<SyncOutcome | null> | null = null
  let runAgain = false
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let writeTimer: ReturnType<typeof setTimeout> | null = null
  let interval: ReturnType<typeof setInterval> | null = null

  const clear = <T extends ReturnType<typeof setTimeout> | null>(timer: T) => {
    if (timer !== null) clearTimeout(timer)
    return null
  }

  function settle(outcome: SyncOutcome): void {
    if (outcome.kind === 'synced') backoff.reset()
    if (outcome.kind === 'failed') retryTimer = setTimeout(() => void requestSync('retry'), backoff.nextDelay())
  }

  async function loop(): Promise<SyncOutcome | null> {
    let outcome: SyncOutcome | null = null
    do {
      runAgain = false
      outcome = await engine.syncNow()
      settle(outcome)
    } while (runAgain && outcome.kind === 'synced')
    return outcome
  }

  function requestSync(trigger: SyncTrigger): Promise<SyncOutcome | null> {
    if (running) {
      // Something changed during the round (e.g. a new write): go once more when it ends.
      runAgain = true
      return running
    }
    if (!URGENT.has(trigger) && retryTimer !== null) return Promise.resolve(null)
    retryTimer = clear(retryTimer)
    running = loop().finally(() => {
      running = null
    })
    return running
  }

  const onOnline = () => void requestSync('online')
  const onVisibility = () => {
    if (doc.visibilityState === 'visible') {
      startInterval()
      void requestSync('visible')
    } else stopInterval()
  }

  function startInterval(): void {
    interval ??= setInterval(() => void requestSync('timer'), intervalMs)
  }
  function stopInterval(): void {
    if (interval !== null) clearInterval(interval)
    interval = null
  }

  return {
    start() {
      win.addEventListener('online', onOnline)
      doc.addEventListener('visibilitychange', onVisibility)
      if (doc.visibilityState === 'visible') startInterval()
      void requestSync('start')
    },
    stop() {
      win.removeEventListener('online', onOnline)
      doc.removeEventListener('visibilitychange', onVisibility)
      stopInterval()
      retryTimer = clear(retryTimer)
      writeTimer = clear(writeTimer)
    },
    notifyLocalWrite() {
      writeTimer = clear(writeTimer)
      writeTimer = setTimeout(() => {
        writeTimer = null
        void requestSync('write')
      }, debounceMs)
    },
    requestSync,
  }
}
