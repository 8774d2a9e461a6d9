import type { Entry } from '~/domain/entry'
import type { MaintenanceReportPayload, SnowInterventionPayload } from '~/domain/entry-payloads'
import type { Programme, SnowEvent, SnowRoute } from '~/domain/plan-data'
import type { SulCampoDb } from './database'

/** Read-side queries of the field log. Writes go through writeChange (local-writes.ts). */

/** The author's latest entries, newest first. */
export async function myRecentEntries(db: SulCampoDb, authorId: string, limit = 20): Promise<Entry[]> {
  const mine = await db.entries.where('authorId').equals(authorId).filter((e) => !e.deleted).toArray()
  return mine.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)).slice(0, limit)
}

/** Ids of rows that still have a change waiting in the outbox (shown as "pending"). */
export async function pendingEntityIds(db: SulCampoDb): Promise<Set<string>> {
  const keys = await db.outbox.orderBy('entityId').uniqueKeys()
  return new Set(keys as string[])
}

/**
 * Of these entries, those the server holds (version > 0, live) with no change of them still
 * queued: what travels after its entry (photos, reporters' contacts) may go now, and never races
 * its own entry to the server.
 */
export async function entriesSettledOnServer(db: SulCampoDb, entryIds: string[]): Promise<Map<string, Entry>> {
  const [entries, queued] = await Promise.all([
    db.entries.bulkGet(entryIds),
    db.outbox.where('entityId').anyOf(entryIds).filter((row) => row.entity === 'entry' && row.state === 'pending').toArray(),
  ])
  const stillQueued = new Set(queued.map((row) => row.entityId))
  return new Map(entries.flatMap((e) => (e && e.version > 0 && !e.deleted && !stillQueued.has(e.id) ? [[e.id, e] as const] : [])))
}

export async function entryById(db: SulCampoDb, id: string): Promise<Entry | undefined> {
  return db.entries.get(id)
}

const reportedAt = (e: Entry) => (e.payload as unknown as MaintenanceReportPayload).reportedAt

/** Maintenance reports not yet resolved, oldest report first (the crew's work list). */
export async function openReportsOldestFirst(db: SulCampoDb): Promise<Entry[]> {
  const open = await db.entries
    .where('status')
    .anyOf('open', 'in_progress')
    .filter((e) => e.kind === 'maintenance_report' && !e.deleted)
    .toArray()
  return open.sort((a, b) => reportedAt(a).localeCompare(reportedAt(b)))
}

/** Snow interventions logged for one snow event, in the order they happened. */
export async function entriesBySnowEvent(db: SulCampoDb, snowEventId: string): Promise<Entry[]> {
  return db.entries
    .where('kind')
    .equals('snow_intervention')
    .filter((e) => !e.deleted && (e.payload as unknown as SnowInterventionPayload).snowEventId === snowEventId)
    .sortBy('occurredAt')
}

/** The snow event in progress: the latest one started and not ended. */
export async function currentSnowEvent(db: SulCampoDb): Promise<SnowEvent | undefined> {
  const events = await db.snowEvents.orderBy('startedAt').reverse().toArray()
  return events.find((e) => !e.deleted && e.endedAt === null)
}

/** The snow plan's active routes in priority order (1 first). */
export async function activeSnowRoutes(db: SulCampoDb): Promise<SnowRoute[]> {
  const routes = await db.snowRoutes.orderBy('priority').toArray()
  return routes.filter((r) => r.active && !r.deleted)
}

/** The programme of an objective for a month (YYYY-MM), when a manager set one. */
export async function programmeFor(db: SulCampoDb, objectiveId: string, month: string): Promise<Programme | undefined> {
  const rows = await db.programmes.where('[objectiveId+month]').equals([objectiveId, month]).toArray()
  return rows.find((p) => !p.deleted)
}
