import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { REPO_ROOT } from '../../supabase/local/schema'
import { openBenchApp } from '../bench/chromium-page'
import { MANAGER_PL, MID_2024, entries, seed, setting } from '../e2e/dashboard-fixtures'
import { OFFICER } from '../e2e/field-log-helpers'

/**
 * `npm run screenshots`: the README's two pictures, from the production build (device-only) in
 * Chromium on a fixed day with made-up demo rows, so a rerun gives the same picture unless the
 * screens changed. Written to docs/screenshots/ (committed).
 */
const OUT = join(REPO_ROOT, 'docs', 'screenshots')

/** Opens `path` as `profile` with `rows` on a fresh device, once the service worker settled. */
async function shot(file: string, viewport: { width: number; height: number; scale: number }, profile: object, rows: Record<string, unknown[]>, path: string, ready: (page: Page) => Promise<unknown>): Promise<void> {
  const opened = await openBenchApp({ viewport: { width: viewport.width, height: viewport.height }, deviceScaleFactor: viewport.scale })
  try {
    const page = await opened.context.newPage()
    await page.clock.setFixedTime(MID_2024)
    await page.goto(opened.appUrl)
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await seed(page, { meta: [{ key: 'profile', value: profile }], ...rows })
    await page.goto(`${opened.appUrl}${path}`)
    await ready(page)
    // The first install's "ready to work offline" notice is not part of the screen.
    await page.locator('[data-test="offline-ready"]').waitFor({ state: 'detached', timeout: 20_000 })
    await page.screenshot({ path: join(OUT, file) })
    console.log(`screenshots: ${join('docs', 'screenshots', file)}`)
  } finally {
    await opened.close()
  }
}

await shot('field-home.png', { width: 375, height: 667, scale: 2 }, OFFICER, {}, '/campo', (page) => page.getByRole('heading', { level: 1 }).waitFor())
await shot(
  'dashboard.png',
  { width: 1280, height: 1000, scale: 1 },
  MANAGER_PL,
  { objectiveSettings: [setting('pl-pattugliamento', { baselineValue: 400 })], entries: [...entries('pl-pattugliamento', 'patrol', 180), ...entries('pl-fascia-montana', 'territory_check', 4)] },
  '/cruscotto',
  async (page) => {
    await page.getByLabel('Area').selectOption('polizia_locale')
    await page.locator('tr[data-objective="pl-pattugliamento"]').waitFor()
  },
)
