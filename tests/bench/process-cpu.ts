import { readdirSync, readFileSync } from 'node:fs'

/**
 * CPU seconds used so far by each kind of process on this machine (Linux /proc), so a benchmark can
 * say which side a phase kept busy: Chromium's browser process (IndexedDB, network), its renderer
 * (the page's JavaScript), Postgres, Node (the bench and the gateway).
 */
type CpuByProcess = Record<string, number>

const TICKS_PER_SECOND = 100

/** The processes a sync or device benchmark keeps busy; kernel threads and the rest are left out. */
const WATCHED = new Set(['chromium', 'postgres', 'node'])

function kindOf(pid: string, comm: string): string {
  if (comm !== 'chromium') return comm
  // Zygote-forked children rewrite their command line as one space-separated string.
  const type = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1]
  return type ? `chromium ${type}` : 'chromium browser'
}

function cpuByProcess(): CpuByProcess {
  const totals: CpuByProcess = {}
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const close = stat.lastIndexOf(')')
      const fields = stat.slice(close + 2).split(' ')
      // utime and stime, the 14th and 15th fields of /proc/<pid>/stat.
      const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
      const comm = stat.slice(stat.indexOf('(') + 1, close)
      if (!WATCHED.has(comm)) continue
      const kind = kindOf(pid, comm)
      totals[kind] = (totals[kind] ?? 0) + seconds
    } catch {
      // The process ended while we read it.
    }
  }
  return totals
}

/** "chromium browser 3.4 s, postgres 1.9 s, …": what each kind used between two readings, busiest first. */
function describeCpu(before: CpuByProcess, after: CpuByProcess, atLeastSeconds = 0.1): string {
  return Object.entries(after)
    .map(([kind, seconds]) => [kind, seconds - (before[kind] ?? 0)] as const)
    .filter(([, used]) => used >= atLeastSeconds)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, used]) => `${kind} ${used.toFixed(1)} s`)
    .join(', ')
}

/** Runs `work` and says what CPU each kind of process used meanwhile (see describeCpu). */
export async function withCpu<T>(work: () => Promise<T>): Promise<{ value: T; cpu: string }> {
  const before = cpuByProcess()
  const value = await work()
  return { value, cpu: describeCpu(before, cpuByProcess()) }
}
