import { execFile, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { existsSync } from 'node:fs'

/** Debian's PostgreSQL 15 server binaries (client tools such as psql are also on PATH). */
export const PG_BIN = '/usr/lib/postgresql/15/bin'

export function postgresInstalled(): boolean {
  return existsSync(`${PG_BIN}/initdb`)
}

/**
 * PostgreSQL refuses to run its server as root, so as root the server tools run
 * as the `postgres` user through runuser; as any other user they run directly
 * (the cluster then belongs to that user).
 */
export function asClusterOwner(command: string, args: string[]): [string, string[]] {
  const isRoot = process.getuid?.() === 0
  return isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
}

export interface RunResult {
  stdout: string
  stderr: string
}

/** Runs a command to completion; rejects with its stderr when it exits non-zero. */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { ...options, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed:\n${stderr || stdout || error.message}`))
      else resolve({ stdout, stderr })
    })
  })
}

/** Like run, but streams output to the console (for long steps a person watches). */
export function runVisible(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))))
  })
}

/** A port that was free a moment ago: bind port 0, read what the OS picked, release it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
