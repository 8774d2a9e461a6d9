import type { Page } from 'playwright-core'
import type { SyncBenchPage } from './sync-page'

/**
 * A 4G-like link, emulated by Chromium itself (DevTools network conditions on the bench page):
 * every request waits the round trip and is limited to the link's throughput, as on a tablet in
 * the field. On bare loopback a call costs a few milliseconds, which no deployment sees.
 */
export const FIELD_LINK = { latencyMs: 50, downMbps: 9, upMbps: 3 }
const ENTRIES = 2_000
const SINGLES = Number(process.env.BENCH_SYNC_FIELD_SINGLES ?? 60)

export type BenchCall = <K extends keyof SyncBenchPage>(name: K, ...args: Parameters<SyncBenchPage[K]>) => ReturnType<SyncBenchPage[K]>

export interface FieldLinkPush {
  batchRate: number
  singleRate: number
  ratio: number
  describe: string
}

const perSecond = (count: number, ms: number) => (count / ms) * 1000

/** The engine's batched push vs one call per entry, both over the emulated link. */
export async function pushOverFieldLink(page: Page, bench: BenchCall, batchSize: number): Promise<FieldLinkPush> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  const emulate = (link: typeof FIELD_LINK | null) =>
    cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: link?.latencyMs ?? 0,
      downloadThroughput: link ? (link.downMbps * 1_000_000) / 8 : -1,
      uploadThroughput: link ? (link.upMbps * 1_000_000) / 8 : -1,
    })
  // Queuing is the device's own work, not the link's.
  await bench('queue', ENTRIES, 'Field link')
  await emulate(FIELD_LINK)
  try {
    const batched = await bench('pushQueued', batchSize)
    if (batched.applied !== ENTRIES || batched.left !== 0) throw new Error(`field-link push applied ${batched.applied}, left ${batched.left}`)
    const single = await bench('pushOneByOne', SINGLES, 'Field link single')
    const batchRate = perSecond(ENTRIES, batched.ms)
    const singleRate = perSecond(SINGLES, single.ms)
    const describe = `${FIELD_LINK.latencyMs} ms latency, ${FIELD_LINK.downMbps} Mbit/s down, ${FIELD_LINK.upMbps} Mbit/s up (Chromium network emulation)`
    return { batchRate, singleRate, ratio: Math.round((batchRate / singleRate) * 10) / 10, describe }
  } finally {
    await emulate(null)
    await cdp.detach()
  }
}
