import { startFaultProxy, type FaultProxy } from '../support/fault-proxy'
import { startSyncedApp, type SyncedApp } from '../support/synced-app'
import { faultPlan, type FaultPlan, type SoakFaults } from './fault-plan'
import { startRestartableGateway, type RestartableGateway } from './restarts'
import { seededRandom } from './seeded-random'

/** The faulty network between the browser soak's devices and the local stack. */
export interface SoakNetwork {
  proxy: FaultProxy
  plan: FaultPlan
  gateway: RestartableGateway
}

/**
 * The synced app built against a fault proxy, itself in front of a gateway of the soak's own
 * (same database and keys as the stack's) that the proxy may restart: every request of every
 * device crosses the proxy, and its sync calls meet the faults of `faults`, dealt by `seed`.
 */
export async function startSyncedAppThroughFaults(faults: SoakFaults, seed: number): Promise<{ synced: SyncedApp; network: SoakNetwork }> {
  let network: SoakNetwork | undefined
  const synced = await startSyncedApp({}, async (stack) => {
    const gateway = await startRestartableGateway({ databaseUrl: stack.databaseUrl, jwtSecret: stack.jwtSecret })
    const plan = faultPlan(faults, seededRandom(seed))
    const proxy = await startFaultProxy({
      upstream: gateway.url,
      // A CORS preflight carries nothing to commit: a fault there would be a drop counted under another name.
      decide: (request) => (request.method === 'OPTIONS' ? null : plan.decide(request)),
      restartGateway: () => gateway.restart(),
    })
    network = { proxy, plan, gateway }
    return {
      url: proxy.url,
      close: async () => {
        await proxy.close()
        await gateway.close()
      },
    }
  })
  return { synced, network: network! }
}
