import { FAULT_KINDS, type FaultKind } from '../support/fault-proxy'
import { DEMO, type DemoAccount } from '../support/supabase-clients'
import { checkDevice, converge, tallyServer, type DeviceCheck, type ServerTally } from './convergence'
import type { SoakFaults } from './fault-plan'
import { restartPostgres, startRestartableGateway } from './restarts'
import { seededRandom } from './seeded-random'
import { advanceReports, logRound, reload, setOffline, startSoakDevice, stopSoakDevice, type SoakDevice } from './soak-device'
import type { SoakRole } from './soak-entries'

export interface SoakStack {
  databaseUrl: string
  jwtSecret: string
  anonKey: string
}

export interface SoakOptions {
  stack: SoakStack
  devices?: { account: DemoAccount; role: SoakRole }[]
  /** Entries each device logs (a few of them deliberately invalid), in rounds of `entriesPerRound`. */
  entriesPerDevice: number
  entriesPerRound: number
  /** No new round starts after this; the soak then converges and stops. */
  durationMs: number
  seed: number
  faults: SoakFaults
  /** Postgres restarts, at seeded rounds, while the devices sync. */
  restartPostgres: number
  /** Per device and round. */
  chances?: { offline: number; reload: number }
  invalidRate?: number
  clientTimeoutMs?: number
  batchSize?: number
  /** Time between rounds, as between entries in the field: stretches the long soak over minutes. */
  pauseBetweenRoundsMs?: number
  /** Progress for an operator watching the long run, every 10 rounds. */
  progress?: (line: string) => void
}

export interface SoakReport {
  seed: number
  rounds: number
  entries: number
  invalidEntries: number
  statusChanges: number
  faults: Record<FaultKind, number>
  gatewayRestarts: number
  postgresRestarts: number
  reloads: number
  offlinePeriods: number
  server: ServerTally
  devices: DeviceCheck[]
  convergeMs: number
  /** Devices that did not converge, with why; empty when all did. */
  stuck: string[]
  totalMs: number
}

export const SOAK_DEVICES = [
  { account: DEMO.officer, role: 'officer' },
  { account: DEMO.secondOfficer, role: 'officer' },
  { account: DEMO.worker, role: 'crew' },
] as const satisfies readonly { account: DemoAccount; role: SoakRole }[]

/**
 * The chaos soak: devices log entries and sync in rounds through their own faulty
 * networks while the gateway and Postgres restart, devices go offline and reload;
 * then the network heals and everything must converge. Returns the counts; the caller asserts.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const started = performance.now()
  const random = seededRandom(options.seed)
  const chances = options.chances ?? { offline: 0.08, reload: 0.08 }
  const deviceOptions = { anonKey: options.stack.anonKey, timeoutMs: options.clientTimeoutMs ?? 1_500, batchSize: options.batchSize ?? 20 }
  const totalRounds = Math.ceil(options.entriesPerDevice / options.entriesPerRound)
  const postgresRounds = new Set(random.shuffled(Array.from({ length: totalRounds - 1 }, (_, i) => i + 1)).slice(0, options.restartPostgres))
  const tagPrefix = `soak-${options.seed}-${crypto.randomUUID().slice(0, 8)}`
  const gateway = await startRestartableGateway({ databaseUrl: options.stack.databaseUrl, jwtSecret: options.stack.jwtSecret })
  const devices: SoakDevice[] = []
  let postgresRestarts = 0
  let rounds = 0
  try {
    for (const [i, setup] of (options.devices ?? SOAK_DEVICES).entries()) {
      devices.push(await startSoakDevice({ ...setup, gateway, faults: options.faults, seed: options.seed * 31 + i + 1, deviceOptions }))
    }
    while (rounds < totalRounds && performance.now() - started < options.durationMs) {
      const restarting = postgresRounds.has(rounds) ? restartPostgres(options.stack.databaseUrl).then(() => void postgresRestarts++) : null
      // Drawn before the devices run concurrently, so the schedule does not depend on their interleaving.
      const events = devices.map(() => ({ reload: random.chance(chances.reload), offline: random.chance(chances.offline) }))
      await Promise.all(
        devices.map(async (d, i) => {
          if (events[i]?.reload) await reload(d, deviceOptions)
          setOffline(d, events[i]?.offline ?? false)
          const count = Math.min(options.entriesPerRound, options.entriesPerDevice - d.logged.length)
          await logRound(d, count, tagPrefix, options.invalidRate ?? 0.01)
          if (d.role === 'crew') await advanceReports(d, Math.ceil(count / 3))
          // A failed round is the point of the soak: the next one retries the same mutations.
          await d.device.engine.syncNow()
        }),
      )
      await restarting
      rounds++
      if (rounds % 10 === 0) {
        const logged = devices.map((d) => `${d.account.email.split('@')[0]} ${d.logged.length}`).join(', ')
        options.progress?.(`round ${rounds}/${totalRounds} (${Math.round((performance.now() - started) / 1000)} s): logged ${logged}; gateway restarts ${gateway.restarts}, postgres restarts ${postgresRestarts}`)
      }
      if (options.pauseBetweenRoundsMs) await new Promise((resolve) => setTimeout(resolve, options.pauseBetweenRoundsMs))
    }
    const converged = await converge(devices, 20)
    const total = (of: (d: SoakDevice) => number) => devices.reduce((sum, d) => sum + of(d), 0)
    const faults = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, total((d) => d.proxy.injected[kind])])) as Record<FaultKind, number>
    return {
      seed: options.seed,
      rounds,
      entries: total((d) => d.logged.length),
      invalidEntries: total((d) => d.logged.filter((l) => l.invalid).length),
      statusChanges: total((d) => d.statusChanges),
      faults,
      gatewayRestarts: gateway.restarts,
      postgresRestarts,
      reloads: total((d) => d.reloads),
      offlinePeriods: total((d) => d.offlineRounds),
      server: await tallyServer(options.stack.databaseUrl, tagPrefix, devices),
      devices: await Promise.all(devices.map(checkDevice)),
      convergeMs: converged.ms,
      stuck: converged.stuck,
      totalMs: Math.round(performance.now() - started),
    }
  } finally {
    for (const d of devices) await stopSoakDevice(d)
    await gateway.close()
  }
}
