import type { ReportStatus } from '~/domain/entry'
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy'
import type { DemoAccount } from '../support/supabase-clients'
import { logEntries, reloadDevice, setStatus, startDevice, type DeviceOptions, type SyncDevice } from '../support/sync-device'
import { faultPlan, type FaultPlan, type SoakFaults } from './fault-plan'
import type { RestartableGateway } from './restarts'
import { soakEntry, type LoggedEntry, type SoakRole } from './soak-entries'
import { seededRandom, type Random } from './seeded-random'

/** One simulated tablet in the soak: the device, its own faulty network, and what it has done. */
export interface SoakDevice {
  role: SoakRole
  account: DemoAccount
  /** Replaced on every reload. */
  device: SyncDevice
  proxy: FaultProxy
  plan: FaultPlan
  logged: LoggedEntry[]
  /** The status each of its reports must end with on the server. */
  finalStatus: Map<string, ReportStatus>
  statusChanges: number
  reloads: number
  offlineRounds: number
  offline: boolean
  /** Its own PRNG for what it logs, so the devices' interleaving does not change anyone's choices. */
  random: Random
}

export interface SoakDeviceSetup {
  account: DemoAccount
  role: SoakRole
  gateway: RestartableGateway
  faults: SoakFaults
  seed: number
  deviceOptions: Omit<DeviceOptions, 'url'>
}

export async function startSoakDevice(setup: SoakDeviceSetup): Promise<SoakDevice> {
  const plan = faultPlan(setup.faults, seededRandom(setup.seed))
  const proxy = await startFaultProxy({ upstream: setup.gateway.url, decide: plan.decide, restartGateway: () => setup.gateway.restart() })
  const device = await startDevice(setup.account, { ...setup.deviceOptions, url: proxy.url })
  return { role: setup.role, account: setup.account, device, proxy, plan, logged: [], finalStatus: new Map(), statusChanges: 0, reloads: 0, offlineRounds: 0, offline: false, random: seededRandom(setup.seed ^ 0x5eed) }
}

/** Logs `count` entries offline-first, a share of them deliberately invalid. */
export async function logRound(d: SoakDevice, count: number, tagPrefix: string, invalidRate: number): Promise<void> {
  const { random } = d
  const batch: LoggedEntry[] = []
  for (let i = 0; i < count; i++) {
    const n = d.logged.length + batch.length
    batch.push(soakEntry(d.role, d.account.id, `${tagPrefix}-${d.account.role}${d.account.id.slice(-1)}-${n}`, n, random, random.chance(invalidRate)))
  }
  await logEntries(d.device, batch.map((logged) => logged.entry))
  d.logged.push(...batch)
  for (const { entry, invalid } of batch) if (entry.kind === 'maintenance_report' && !invalid) d.finalStatus.set(entry.id, 'open')
}

const NEXT_STATUS: Partial<Record<ReportStatus, ReportStatus>> = { open: 'in_progress', in_progress: 'resolved' }

/**
 * The crew moves its own reports along open → in_progress → resolved (RLS lets only the
 * author or a manager change a report, so the officers' reports it sees stay as they are).
 */
export async function advanceReports(d: SoakDevice, howMany: number): Promise<void> {
  const { random } = d
  const movable = [...d.finalStatus].filter(([, status]) => NEXT_STATUS[status])
  for (const [id, status] of random.shuffled(movable).slice(0, howMany)) {
    const next = NEXT_STATUS[status] as ReportStatus
    await setStatus(d.device, id, next)
    d.finalStatus.set(id, next)
    d.statusChanges++
  }
}

/** The app reloads: database closed and reopened, a new engine; everything saved must still be there. */
export async function reload(d: SoakDevice, options: Omit<DeviceOptions, 'url'>): Promise<void> {
  d.device = reloadDevice(d.device, { ...options, url: d.proxy.url })
  await d.device.engine.load()
  d.reloads++
}

export function setOffline(d: SoakDevice, offline: boolean): void {
  d.proxy.setDown(offline)
  if (offline && !d.offline) d.offlineRounds++
  d.offline = offline
}

export async function stopSoakDevice(d: SoakDevice): Promise<void> {
  await d.device.destroy()
  await d.proxy.close()
}
