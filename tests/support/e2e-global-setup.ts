import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { serveApp, type AppServer } from '../../supabase/local/serve-app'

const root = fileURLToPath(new URL('../..', import.meta.url))

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string
  }
}

let app: AppServer | undefined

/** Builds the PWA as production does and serves it on a free loopback port. */
export async function setup(project: TestProject): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
  app = await serveApp({ dir: `${root}/dist` })
  project.provide('appUrl', app.url)
}

export async function teardown(): Promise<void> {
  await app?.close()
}
