import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../supabase/local/describe-stack'
import { entriesAt, pendingText, queryServer, startSyncedApp, waitUntilAllSent, type SyncedApp } from '../support/synced-app'
import { countRows } from './field-log-helpers'

const OFFICER_ID = '5c000000-0000-4000-8000-000000000001'
const DAY_MS = 86_400_000

/** The gateway's clock: moved forward to stand for days spent offline, instead of waiting them. */
let clockOffsetMs = 0

async function logCheckpoint(page: Page, appUrl: string, place: string): Promise<void> {
  await page.goto(`${appUrl}/campo/nuovo/checkpoint`)
  await page.getByLabel('Luogo (via, civico, località)').fill(place)
  await page.getByRole('button', { name: 'Salva' }).click()
  await page.waitForURL('**/campo')
}

describe('offline for longer than a session lives', () => {
  let synced: SyncedApp

  beforeAll(async () => {
    // Sessions live 12 hours (GoTrue's time-box), access tokens one: two days offline outlive both.
    synced = await startSyncedApp({ gateway: { now: () => Date.now() + clockOffsetMs, sessionLifetimeSeconds: 12 * 3600 } })
  })
  afterAll(async () => {
    await synced?.close()
  })

  it('keeps logging, asks to sign in once on reconnection, then sends every entry exactly once', async () => {
    const place = `Fuori rete ${Date.now()}`
    const { browser, page } = await synced.signedIn('agente@sulcampo.test')
    await browser.context.setOffline(true)
    await logCheckpoint(page, synced.app.url, `${place} #1`)
    await logCheckpoint(page, synced.app.url, `${place} #2`)

    clockOffsetMs = 2 * DAY_MS
    await page.reload() // two days later, still offline: the app opens and takes more work
    await logCheckpoint(page, synced.app.url, `${place} #3`)
    await expect(pendingText(page)).resolves.toBe('3 registrazioni da inviare')

    await browser.context.setOffline(false)
    const signInLink = page.locator('[data-test="sync-bar"] a[href^="/accedi"]')
    await signInLink.waitFor({ timeout: 30_000 })
    await expect(countRows(page, 'outbox')).resolves.toBe(3)
    // The dead session stops nothing but the sending.
    await logCheckpoint(page, synced.app.url, `${place} #4`)
    await expect(countRows(page, 'outbox')).resolves.toBe(4)

    await signInLink.click()
    await page.getByLabel('Email').fill('agente@sulcampo.test')
    await page.getByLabel('Password').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Accedi' }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/accedi'))
    await waitUntilAllSent(page)
    await expect(countRows(page, 'outbox')).resolves.toBe(0)
    await expect(signInLink.count()).resolves.toBe(0)
    await expect(entriesAt(page, place)).resolves.toBe(4)

    const onServer = await queryServer<{ place: string }>(
      synced.stack,
      `select payload ->> 'place' as place from public.entries where author_id = $1 and payload ->> 'place' like $2 order by 1`,
      [OFFICER_ID, `${place}%`],
    )
    expect(onServer.map((row) => row.place)).toEqual([1, 2, 3, 4].map((n) => `${place} #${n}`))
  })
})
