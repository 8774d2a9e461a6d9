import { fileURLToPath } from 'node:url'
import type { BrowserContext, Page } from 'playwright-core'
import type { CheckpointPayload } from '~/domain/entry-payloads'

const DEXIE_UMD = fileURLToPath(new URL('../../node_modules/dexie/dist/dexie.js', import.meta.url))

export interface OlderDatabaseProfile {
  userId: string
  displayName: string
  role: string
  areaId: string | null
}

export interface QueuedCheckpoint {
  place: string
  /** When it ended, and the entry's occurredAt. */
  at: string
  vehiclesChecked: number
}

/**
 * A page of the app's origin that does not run the app (opened before any service worker, which
 * would serve the app instead): the database is only what the caller makes it.
 */
export async function openBareOriginPage(context: BrowserContext, appUrl: string): Promise<Page> {
  const page = await context.newPage()
  await page.route('**/__bare', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bare</title>' }))
  await page.goto(`${appUrl}/__bare`)
  return page
}

/**
 * Writes the app's database as the first release left it (Dexie schema version 1, IndexedDB
 * version 10): the signed-in profile and, per checkpoint, the entry with its pending outbox
 * insert, i.e. unsent work waiting for an app update. Returns the mutation ids in queue order.
 */
export async function writeVersion1Database(
  page: Page,
  options: { profile: OlderDatabaseProfile; objectiveId: string | undefined; checkpoints: QueuedCheckpoint[] },
): Promise<string[]> {
  const entries = options.checkpoints.map(({ place, at, vehiclesChecked }) => {
    // A quarter of an hour's checkpoint ending at `at`: a payload the server accepts.
    const payload: CheckpointPayload = {
      startedAt: new Date(Date.parse(at) - 15 * 60_000).toISOString(),
      endedAt: at,
      place,
      vehiclesChecked,
      violations: { noInsurance: 0, noInspection: 0, liens: 0, municipalRules: 0 },
      notes: '',
      location: null,
    }
    const { userId } = options.profile
    return { id: crypto.randomUUID(), objectiveId: options.objectiveId, kind: 'checkpoint', payload, status: null, occurredAt: at, authorId: userId, createdAt: at, updatedAt: at, version: 0, locked: false, deleted: false }
  })
  await page.addScriptTag({ path: DEXIE_UMD })
  return page.evaluate(async ({ profile, entries }) => {
    const { Dexie } = window as unknown as { Dexie: typeof import('dexie').Dexie }
    const db = new Dexie('sulcampo')
    // Version 1 exactly as src/db/database.ts declares it.
    db.version(1).stores({
      objectives: 'id, areaId, planId',
      entries: 'id, objectiveId, kind, authorId, occurredAt, status, [objectiveId+occurredAt]',
      outbox: '++seq, &id, entityId, authorId, state',
      meta: 'key',
    })
    const ids: string[] = []
    await db.transaction('rw', db.table('entries'), db.table('outbox'), db.table('meta'), async () => {
      await db.table('meta').put({ key: 'profile', value: profile })
      for (const entry of entries) {
        await db.table('entries').add(entry)
        const id = crypto.randomUUID()
        ids.push(id)
        await db.table('outbox').add({ id, entity: 'entry', op: 'insert', entityId: entry.id, baseVersion: 0, data: { ...entry }, authorId: profile.userId, createdAt: entry.createdAt, state: 'pending', attempts: 0, lastAttemptAt: null, lastError: null, rejectCode: null })
      }
    })
    db.close()
    return ids
  }, { profile: options.profile, entries })
}
