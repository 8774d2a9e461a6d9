import { deflateSync, crc32 } from 'node:zlib'
import type { Page } from 'playwright-core'
import { inject } from 'vitest'
import { launchBrowser, type LaunchedBrowser } from '../support/browser'

export interface DemoProfile {
  userId: string
  displayName: string
  role: 'officer' | 'worker' | 'manager'
  areaId: 'polizia_locale' | 'territorio'
}

export const OFFICER: DemoProfile = { userId: 'e2e-officer', displayName: 'Agente Rossi', role: 'officer', areaId: 'polizia_locale' }
export const CREW: DemoProfile = { userId: 'e2e-crew', displayName: 'Operaio Bianchi', role: 'worker', areaId: 'territorio' }
export const TERRITORY_MANAGER: DemoProfile = { userId: 'e2e-manager', displayName: 'Resp. Territorio', role: 'manager', areaId: 'territorio' }

/** Writes the device-only profile into `meta` (as the role picker would) once the app has created its database. */
export async function signInAs(page: Page, profile: DemoProfile): Promise<void> {
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'sulcampo' && (d.version ?? 0) > 0))
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('sulcampo')
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite')
          tx.objectStore('meta').put({ key: 'profile', value })
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
        open.onerror = () => reject(open.error)
      }),
    profile,
  )
}

/** Counts rows of a table straight from IndexedDB: what is really stored, not what the UI shows. */
export async function countRows(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('sulcampo')
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).count()
          request.onsuccess = () => {
            open.result.close()
            resolve(request.result)
          }
          request.onerror = () => reject(request.error)
        }
      }),
    table,
  )
}

/** A fresh browser, the app loaded once online with its service worker in control, signed in as `profile`. */
export async function openAppAs(profile: DemoProfile, path = '/campo'): Promise<{ browser: LaunchedBrowser; page: Page }> {
  const browser = await launchBrowser()
  const page = await browser.context.newPage()
  await page.goto(`${inject('appUrl')}/impostazioni`)
  await signInAs(page, profile)
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  // A navigation after the worker is active is served by it, so the tests can go offline.
  await page.goto(`${inject('appUrl')}${path}`)
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  return { browser, page }
}

export async function screenshots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/${name}-360x740.png`, fullPage: true })
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.screenshot({ path: `test-results/${name}-1280x800.png`, fullPage: true })
  await page.setViewportSize({ width: 360, height: 740 })
}

/**
 * A PNG of about `megabytes` MB, stored uncompressed (deflate level 0) so its size is real,
 * with a pattern so it is a plausible photo rather than a flat colour.
 */
export function largePng(megabytes: number): Buffer {
  const width = 3000
  const height = Math.ceil((megabytes * 1_000_000) / (width * 3 + 1))
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1)
    for (let x = 0; x < width; x++) {
      const i = row + 1 + x * 3
      raw[i] = (x * 7 + y) & 255
      raw[i + 1] = (y * 3) & 255
      raw[i + 2] = (x ^ y) & 255
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 0 })), chunk('IEND', Buffer.alloc(0))])
}
