import { computed, onBeforeUnmount, onMounted, ref } from 'vue'
import { appDatabase } from '~/db/app-database'
import { clearRunningPatrol, readRunningPatrol, saveRunningPatrol, type RunningPatrol } from '~/db/patrol-state'

/** The running patrol, read from IndexedDB, with its elapsed time ticking once a second. */
export function usePatrolTimer(authorId: () => string | null) {
  const running = ref<RunningPatrol | null>(null)
  const loaded = ref(false)
  const now = ref(Date.now())
  let tick: ReturnType<typeof setInterval> | undefined

  const elapsedSeconds = computed(() => {
    if (!running.value) return 0
    const until = running.value.endedAt ? Date.parse(running.value.endedAt) : now.value
    return Math.max(0, Math.floor((until - Date.parse(running.value.startedAt)) / 1000))
  })

  async function load(): Promise<void> {
    const id = authorId()
    running.value = id ? await readRunningPatrol(appDatabase(), id) : null
    loaded.value = true
  }

  async function persist(patrol: RunningPatrol): Promise<RunningPatrol> {
    await saveRunningPatrol(appDatabase(), patrol)
    running.value = patrol
    return patrol
  }

  /** Tap 1. A patrol already running is kept, not restarted. */
  async function start(): Promise<RunningPatrol> {
    const id = authorId()
    if (!id) throw new Error('no signed-in user')
    return running.value ?? persist({ startedAt: new Date().toISOString(), authorId: id, endedAt: null })
  }

  /** Tap 2: the end time is fixed now, so filling in the form does not lengthen the patrol. */
  async function stop(): Promise<RunningPatrol | null> {
    if (!running.value) return null
    return persist({ ...running.value, endedAt: running.value.endedAt ?? new Date().toISOString() })
  }

  /** Back from the form to the running timer. */
  async function resume(): Promise<void> {
    if (running.value) await persist({ ...running.value, endedAt: null })
  }

  async function clear(): Promise<void> {
    await clearRunningPatrol(appDatabase())
    running.value = null
  }

  onMounted(() => {
    tick = setInterval(() => (now.value = Date.now()), 1000)
  })
  onBeforeUnmount(() => clearInterval(tick))

  return { running, loaded, elapsedSeconds, load, start, stop, resume, clear }
}

/** 1:05:09 — hours only when there are any. */
export function formatElapsed(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600)
  const m = Math.floor((totalSeconds % 3600) / 60)
  const s = totalSeconds % 60
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0')
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`
}
