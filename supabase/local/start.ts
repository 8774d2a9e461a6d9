import { execFileSync } from 'node:child_process'
import { describeStack, exitWithMessage, stopOnSignal } from './describe-stack'
import { postgresInstalled } from './pg-tools'
import { REPO_ROOT } from './schema'
import { serveApp, type AppServer } from './serve-app'
import { startPersistentStack } from './persistent-stack'
import { backendPublicReaders } from './public-readers'
import type { Stack } from './stack'

/**
 * `npm start`: with PostgreSQL installed, starts the local backend first, because Vite
 * bakes VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY into the build; then builds and
 * serves the app. Without PostgreSQL the app is built device-only.
 */
const port = Number(process.env.PORT ?? 4173)
let stack: Stack | undefined
if (postgresInstalled()) {
  stack = await startPersistentStack().catch(exitWithMessage)
} else {
  console.log('PostgreSQL 15 is not installed: SulCampo runs device-only (data stays on this device, not synced).')
}
const env = stack ? { ...process.env, VITE_SUPABASE_URL: stack.supabaseUrl, VITE_SUPABASE_ANON_KEY: stack.anonKey } : process.env
let app: AppServer
try {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit', env })
  app = await serveApp({
    dir: `${REPO_ROOT}/dist`,
    port,
    host: '127.0.0.1',
    supabaseUrl: stack?.supabaseUrl,
    publicReaders: stack && backendPublicReaders(stack.supabaseUrl, stack.anonKey),
  })
} catch (error) {
  await stack?.stop()
  exitWithMessage(error)
}
stopOnSignal(async () => {
  await app.close()
  await stack?.stop()
})
if (stack) console.log(`${await describeStack(stack)}\n`)
console.log(`SulCampo is served at ${app.url}`)
