import type { Page } from 'playwright-core'
import { PISOGNE_OBJECTIVES, PISOGNE_PLAN_RECORD } from '~/domain/catalogue'
import { objectiveForKind } from '~/domain/objective-for-kind'
import { databaseVersion } from '../e2e/idb-helpers'
import { openBareOriginPage, writeVersion1Database, type OlderDatabaseProfile } from '../support/older-database'
import type { BrowserDevice } from './browser-device'

const UPGRADES_KEY = 'soak:upgrades'

/**
 * Init script: records the old version of every upgrade of the app's database in sessionStorage
 * (kept across a reload of the tab), and holds the first one open, as a slow upgrade of a big
 * database would be: its versionchange transaction is kept busy, so it cannot commit before the
 * reload that ends it. `window.__upgradeHeld` says the upgrade is running.
 */
const HOLD_FIRST_UPGRADE = `(() => {
  const open = IDBFactory.prototype.open
  IDBFactory.prototype.open = function (...args) {
    const request = open.apply(this, args)
    if (args[0] !== 'sulcampo') return request
    request.addEventListener('upgradeneeded', (event) => {
      const seen = JSON.parse(sessionStorage.getItem('${UPGRADES_KEY}') ?? '[]')
      seen.push(event.oldVersion)
      sessionStorage.setItem('${UPGRADES_KEY}', JSON.stringify(seen))
      if (seen.length > 1) return
      const meta = request.transaction.objectStore('meta')
      const keepBusy = () => { meta.count().onsuccess = keepBusy }
      keepBusy()
      window.__upgradeHeld = true
    })
    return request
  }
})()`

const upgradesSeen = (page: Page) => page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '[]') as number[], UPGRADES_KEY)

/**
 * Prepares a device's profile as a first-release app left it, with `places` saved and still
 * queued (a version-1 database), then opens today's app on it and reloads the tab while the
 * schema upgrade runs. Resolves once the upgrade has run again after the reload and committed;
 * throws unless the interrupted one was rolled back (the second upgrade started from version 1).
 */
export async function reloadDuringUpgrade(device: BrowserDevice, appUrl: string, profile: OlderDatabaseProfile, places: string[]): Promise<void> {
  const context = device.chromium.context
  const bare = await openBareOriginPage(context, appUrl)
  const now = Date.now()
  const choice = objectiveForKind('checkpoint', PISOGNE_OBJECTIVES, [PISOGNE_PLAN_RECORD], new Date(now).toISOString())
  const checkpoints = places.map((place, i) => ({ place, at: new Date(now - (places.length - i) * 60_000).toISOString(), vehiclesChecked: i + 1 }))
  await writeVersion1Database(bare, { profile, objectiveId: choice.ok ? choice.objective.id : undefined, checkpoints })
  await bare.close()

  const page = context.pages()[0] ?? (await context.newPage())
  await page.addInitScript(HOLD_FIRST_UPGRADE)
  await page.goto(`${appUrl}/accedi`)
  await page.waitForFunction(() => (window as unknown as { __upgradeHeld?: boolean }).__upgradeHeld === true)
  await page.reload()
  await page.waitForFunction(async () => ((await indexedDB.databases()).find((d) => d.name === 'sulcampo')?.version ?? 0) >= 20)
  const seen = await upgradesSeen(page)
  if (seen.length !== 2 || seen[0] !== 10 || seen[1] !== 10) throw new Error(`expected the held upgrade from version 10 to be rolled back and run again, saw upgrades from ${JSON.stringify(seen)} (now at ${await databaseVersion(page)})`)
}
