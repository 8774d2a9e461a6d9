import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PG_BIN, asClusterOwner, freePort, run } from '../../supabase/local/pg-tools'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** `npm start` running in a fresh clone of this repository inside a 0700 temp folder. */
export interface StartedClone {
  /** The 0700 folder holding the clone. */
  home: string
  clone: string
  appUrl: string
  supabaseUrl: string
  /** Where the start said its data lives. */
  dataFolder: string
  output(): string
  /** Stops `npm start` like Ctrl-C, then deletes the clone and its data folder. */
  close(): Promise<void>
}

/**
 * Clones the committed HEAD (what a newcomer gets: uncommitted files are not in it) and runs
 * `npm start` there on free ports. node_modules is a symlink to this checkout's, so the test
 * costs a build and a cluster, not an install.
 */
export async function startClone(): Promise<StartedClone> {
  const home = await mkdtemp(join(tmpdir(), 'sulcampo-clone-'))
  const clone = join(home, 'sulcampo')
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
  execFileSync('git', ['clone', '--quiet', '--no-checkout', root, clone])
  execFileSync('git', ['checkout', '--quiet', head], { cwd: clone })
  await symlink(join(root, 'node_modules'), join(clone, 'node_modules'))

  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(await freePort()), SUPABASE_PORT: String(await freePort()) }
  for (const name of ['SULCAMPO_PG_DIR', 'VITE_SUPABASE_URL', 'VITE_SUPABASE_ANON_KEY']) delete env[name]
  // Its own process group, so that close() signals npm and everything under it, as Ctrl-C does.
  const child = spawn('npm', ['start'], { cwd: clone, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let dataFolder = ''

  const close = async () => {
    await stop(child, exited)
    // A start killed before its own clean-up must not leave a server running on the data.
    if (dataFolder && existsSync(join(dataFolder, 'data', 'postmaster.pid'))) {
      await run(...asClusterOwner(`${PG_BIN}/pg_ctl`, ['-D', join(dataFolder, 'data'), '-m', 'immediate', '-w', 'stop'])).catch(() => undefined)
    }
    if (dataFolder) await rm(dataFolder, { recursive: true, force: true })
    await rm(home, { recursive: true, force: true })
  }
  try {
    const served = await new Promise<RegExpMatchArray>((resolve, reject) => {
      const look = () => {
        dataFolder = /^Data folder[^:]*: (.+)$/m.exec(output)?.[1]?.trim() ?? dataFolder
        const line = /SulCampo is served at (\S+)/.exec(output)
        if (line) resolve(line)
      }
      child.stdout.on('data', look)
      exited.then(() => reject(new Error(`npm start exited before serving the app:\n${output}`)))
    })
    return {
      home,
      clone,
      appUrl: served[1],
      supabaseUrl: /^Supabase URL[^:]*:\s+(\S+)$/m.exec(output)?.[1] ?? '',
      dataFolder,
      output: () => output,
      close,
    }
  } catch (error) {
    await close()
    throw error
  }
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return
  process.kill(-child.pid, 'SIGTERM')
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // The group ended between the check and the signal.
    }
  }, 30_000)
  await exited
  clearTimeout(timer)
}
