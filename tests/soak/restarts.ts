import { dirname, join } from 'node:path'
import pg from 'pg'
import { startGateway, type Gateway, type GatewayOptions } from '../../supabase/local/gateway/server'
import { PG_BIN, asClusterOwner, run } from '../../supabase/local/pg-tools'

/** The soak's own gateway, restarted on the same port whenever a fault proxy asks. */
export interface RestartableGateway {
  readonly url: string
  readonly restarts: number
  /** Concurrent requests for a restart share the one in progress. */
  restart(): Promise<void>
  close(): Promise<void>
}

export async function startRestartableGateway(options: Omit<GatewayOptions, 'port'>): Promise<RestartableGateway> {
  let gateway: Gateway = await startGateway({ ...options, port: 0 })
  let restarts = 0
  let inProgress: Promise<void> | null = null
  const url = gateway.url
  return {
    url,
    get restarts() {
      return restarts
    },
    restart() {
      inProgress ??= (async () => {
        await gateway.close()
        gateway = await startGateway({ ...options, port: gateway.port })
        restarts++
      })().finally(() => {
        inProgress = null
      })
      return inProgress
    },
    async close() {
      await inProgress
      await gateway.close()
    },
  }
}

/**
 * `pg_ctl restart -m fast` on the cluster behind `databaseUrl`: every open connection is
 * cut, as when the database host reboots. pg_ctl reuses the options of the last start
 * (postmaster.opts); the log file keeps the server from holding our stdout open.
 */
export async function restartPostgres(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  let data: string
  try {
    data = String((await client.query<{ data_directory: string }>('show data_directory')).rows[0]?.data_directory)
  } finally {
    await client.end()
  }
  await run(...asClusterOwner(`${PG_BIN}/pg_ctl`, ['-D', data, '-l', join(dirname(data), 'server.log'), '-m', 'fast', '-w', '-t', '60', 'restart']))
}
