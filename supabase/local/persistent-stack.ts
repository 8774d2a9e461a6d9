import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { run } from './pg-tools'
import { REPO_ROOT } from './schema'
import { startStack, type Stack } from './stack'

/**
 * `npm run backend` and `npm start`: the stack whose data survives restarts, on the gateway
 * port SUPABASE_PORT (default 54321, Supabase's own local API port).
 */
export async function startPersistentStack(): Promise<Stack> {
  return startStack({ dir: await persistentClusterDir(), gatewayPort: Number(process.env.SUPABASE_PORT ?? 54321) })
}

/**
 * Where the persistent cluster lives. Its server runs as the cluster's owner, which must be able
 * to enter the folder: a user running the commands can always enter their own clone, so it lives
 * in the git-ignored `.local/pg/backend` there. As root the owner is `postgres`, who cannot enter
 * /root or a 0700 folder (`mktemp -d`): then it lives in postgres's home, one folder per clone
 * (named after the clone's folder and a hash of its path, so two clones never share data).
 * SULCAMPO_PG_DIR overrides both.
 */
export async function persistentClusterDir(): Promise<string> {
  const chosen = process.env.SULCAMPO_PG_DIR
  if (chosen) return chosen
  const inClone = join(REPO_ROOT, '.local', 'pg', 'backend')
  if (process.getuid?.() !== 0) return inClone
  await mkdir(join(inClone, '..'), { recursive: true })
  if (await asPostgres('test', '-x', join(inClone, '..'))) return inClone
  const home = (await run('getent', ['passwd', 'postgres'])).stdout.split(':')[5]?.trim() ?? ''
  const perClone = join(home, 'sulcampo', `${basename(REPO_ROOT)}-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 8)}`)
  if (home && (await asPostgres('mkdir', '-p', perClone))) return perClone
  throw new Error(
    `The postgres user can enter neither ${REPO_ROOT} nor its home ${home || '(none)'}: set SULCAMPO_PG_DIR to a folder it can reach, e.g. SULCAMPO_PG_DIR=/var/tmp/sulcampo-pg npm start`,
  )
}

/** Runs a command as postgres from `/` (the caller's folder may be closed to it); true when it succeeds. */
function asPostgres(command: string, ...args: string[]): Promise<boolean> {
  return run('runuser', ['-u', 'postgres', '--', command, ...args], { cwd: '/' }).then(
    () => true,
    () => false,
  )
}
