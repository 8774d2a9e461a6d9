import { existsSync } from 'node:fs'
import { chown, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PG_BIN, asClusterOwner, freePort, run } from './pg-tools'

/**
 * A PostgreSQL 15 cluster of our own, on 127.0.0.1 and a free port, with its unix
 * socket inside its folder so it never collides with a system cluster.
 *
 * Layout of `dir`: `data/` (PGDATA), `server.log`, plus what the stack stores beside it
 * (the JWT secret). Persistent clusters live where persistentClusterDir() (persistent-stack.ts) says;
 * throwaway ones in a temp folder that stop() deletes.
 */
export interface Cluster {
  dir: string
  port: number
  databaseUrl: string
  stop(): Promise<void>
}

export interface ClusterOptions {
  /** Folder of a persistent cluster (created on first use, reused after). Omit for a throwaway one. */
  dir?: string
}

const START_ATTEMPTS = 5

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const throwaway = !options.dir
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'sulcampo-pg-')))
  const data = join(dir, 'data')
  try {
    await mkdir(dir, { recursive: true })
    if (process.getuid?.() === 0) await chownToPostgres(dir)
    if (!existsSync(join(data, 'PG_VERSION'))) await initCluster(data, throwaway)
    await refuseIfRunning(data)
    const port = await startOnFreePort(dir, data, throwaway)
    const cluster: Cluster = {
      dir,
      port,
      databaseUrl: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
      stop: async () => {
        await run(...asClusterOwner(`${PG_BIN}/pg_ctl`, ['-D', data, '-m', 'fast', '-w', 'stop']))
        if (throwaway) await rm(dir, { recursive: true, force: true })
      },
    }
    return cluster
  } catch (error) {
    if (throwaway) await rm(dir, { recursive: true, force: true })
    throw error
  }
}

async function chownToPostgres(dir: string): Promise<void> {
  const { stdout } = await run('id', ['-u', 'postgres'])
  const { stdout: gid } = await run('id', ['-g', 'postgres'])
  await chown(dir, Number(stdout.trim()), Number(gid.trim()))
}

async function initCluster(data: string, throwaway: boolean): Promise<void> {
  const args = ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']
  // A throwaway cluster never survives a crash, so skipping fsync only saves time.
  if (throwaway) args.push('--no-sync')
  await run(...asClusterOwner(`${PG_BIN}/initdb`, args))
}

async function refuseIfRunning(data: string): Promise<void> {
  const status = await run(...asClusterOwner(`${PG_BIN}/pg_ctl`, ['-D', data, 'status'])).then(
    () => true,
    () => false,
  )
  if (status) throw new Error(`The cluster in ${data} is already running (another "npm run backend"?). Stop it first.`)
}

/** Another process may take the port between our probe and the server's bind: then pick another. */
async function startOnFreePort(dir: string, data: string, throwaway: boolean): Promise<number> {
  const log = join(dir, 'server.log')
  let lastError: unknown
  for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
    const port = await freePort()
    const settings = [`-h 127.0.0.1`, `-p ${port}`, `-k ${dir}`]
    if (throwaway) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off')
    try {
      await run(...asClusterOwner(`${PG_BIN}/pg_ctl`, ['-D', data, '-l', log, '-w', '-t', '60', '-o', settings.join(' '), 'start']))
      await run('pg_isready', ['-h', '127.0.0.1', '-p', String(port), '-t', '30'])
      return port
    } catch (error) {
      lastError = error
      const serverLog = await readFile(log, 'utf8').catch(() => '')
      if (!/could not bind|Address already in use/i.test(serverLog.slice(-2000))) break
    }
  }
  throw lastError
}
