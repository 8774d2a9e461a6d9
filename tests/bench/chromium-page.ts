import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { serveApp, type AppServer } from '../../supabase/local/serve-app'
import { launchBrowser, type LaunchedBrowser } from '../support/browser'
import { REPO_ROOT } from '../../supabase/local/schema'

/**
 * Benchmarks build into their own folder, not dist/: the e2e setup and `npm start` rebuild
 * dist/ (the latter with a Supabase URL baked in), and a figure must not depend on which ran last.
 */
export const BENCH_DIST = join(REPO_ROOT, '.local', 'bench-dist')

const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json']

function newestModification(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false })
  if (!stats) return 0
  if (!stats.isDirectory()) return stats.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestModification(join(path, name))), stats.mtimeMs)
}

export function isBuildStale(outDir = BENCH_DIST): boolean {
  const built = statSync(join(outDir, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0
  return BUILD_INPUTS.some((input) => newestModification(join(REPO_ROOT, input)) > built)
}

/**
 * Builds the production PWA in device-only mode (no Supabase URL, so nothing tries to reach
 * a backend that is not running) unless the last build is newer than every source.
 */
export function ensureBenchBuild(outDir = BENCH_DIST): string {
  if (isBuildStale(outDir)) {
    const { VITE_SUPABASE_URL: _url, VITE_SUPABASE_ANON_KEY: _key, ...env } = process.env
    console.log('bench: building the app (sources changed since the last benchmark build)…')
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], { cwd: REPO_ROOT, stdio: 'inherit', env })
  }
  return outDir
}

/** The built app on a free loopback port, with the production headers (CSP included). */
export function serveBenchApp(): Promise<AppServer> {
  return serveApp({ dir: ensureBenchBuild() })
}

export interface BenchPage extends LaunchedBrowser {
  appUrl: string
}

/** The built app served and a fresh Chromium profile opened on it; `close()` stops both. */
export async function openBenchApp(options: Parameters<typeof launchBrowser>[0] = {}): Promise<BenchPage> {
  const app = await serveBenchApp()
  try {
    const browser = await launchBrowser(options)
    return {
      appUrl: app.url,
      context: browser.context,
      async close() {
        await browser.close()
        await app.close()
      },
    }
  } catch (error) {
    await app.close()
    throw error
  }
}
