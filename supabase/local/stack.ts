import { startCluster, type Cluster } from './cluster'
import { startGateway, type Gateway, type GatewayOptions } from './gateway/server'
import { loadOrCreateJwtSecret } from './gateway/keys'
import { applySchema } from './schema'

/** The whole local backend: a cluster with our schema and the gateway in front of it. */
export interface Stack {
  cluster: Cluster
  gateway: Gateway
  databaseUrl: string
  supabaseUrl: string
  anonKey: string
  jwtSecret: string
  /** Milliseconds each phase took, for the operator and the report. */
  timings: { cluster: number; schema: number; gateway: number }
  stop(): Promise<void>
}

export interface StackOptions {
  /** Folder of a persistent cluster; omit for a throwaway one deleted by stop(). */
  dir?: string
  /** The gateway's port; 0 or omitted picks a free one. */
  gatewayPort?: number
  /** Tests: a movable clock and short token or session lifetimes. */
  gateway?: Pick<GatewayOptions, 'now' | 'accessTokenTtlSeconds' | 'sessionLifetimeSeconds'>
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  let mark = performance.now()
  const lap = () => {
    const now = performance.now()
    const elapsed = Math.round(now - mark)
    mark = now
    return elapsed
  }
  const cluster = await startCluster(options.dir ? { dir: options.dir } : {})
  const clusterMs = lap()
  try {
    await applySchema(cluster.databaseUrl)
    const schemaMs = lap()
    const jwtSecret = await loadOrCreateJwtSecret(cluster.dir)
    const gateway = await startGateway({ ...options.gateway, databaseUrl: cluster.databaseUrl, jwtSecret, port: options.gatewayPort ?? 0 })
    return {
      cluster,
      gateway,
      databaseUrl: cluster.databaseUrl,
      supabaseUrl: gateway.url,
      anonKey: gateway.anonKey,
      jwtSecret,
      timings: { cluster: clusterMs, schema: schemaMs, gateway: lap() },
      stop: async () => {
        await gateway.close()
        await cluster.stop()
      },
    }
  } catch (error) {
    await cluster.stop()
    throw error
  }
}

