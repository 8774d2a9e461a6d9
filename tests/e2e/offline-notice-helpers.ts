import type { BrowserContext, Page } from 'playwright-core'

export interface HeldInstall {
  /** Resolves once the service worker has started precaching (the held icon was asked for). */
  started: Promise<void>
  release(): void
}

/**
 * Holds the service worker's install at one precached icon until release(), so a test can open
 * the page it wants (a form, a table) before "ready to work offline" is announced there.
 */
export async function holdServiceWorkerInstall(context: BrowserContext): Promise<HeldInstall> {
  let started!: () => void
  let release!: () => void
  const startedPromise = new Promise<void>((resolve) => (started = resolve))
  const released = new Promise<void>((resolve) => (release = resolve))
  await context.route('**/pwa-512x512.png', async (route) => {
    started()
    await released
    await route.continue()
  })
  return { started: startedPromise, release }
}

interface Box {
  x: number
  y: number
  width: number
  height: number
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/**
 * What the shown notice covers of the page: `main` itself and every button, form and table in it
 * whose box meets the notice's. An empty list is what the user must get.
 */
export async function coveredByNotice(page: Page): Promise<string[]> {
  const notice = await page.locator('[data-test="offline-ready"]').boundingBox()
  if (!notice) throw new Error('the offline notice is not shown')
  const covered: string[] = []
  for (const selector of ['main', 'main button', 'main form', 'main table']) {
    for (const element of await page.locator(selector).all()) {
      const box = await element.boundingBox()
      if (box && overlap(notice, box)) covered.push(`${selector}: ${((await element.textContent()) ?? '').trim().slice(0, 40)}`)
    }
  }
  return covered
}
