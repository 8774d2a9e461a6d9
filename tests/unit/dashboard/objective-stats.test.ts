import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { openDatabase, type SulCampoDb } from '~/db/database'
import { writeChange } from '~/db/local-writes'
import { statsRowsOf, type ObjectiveStatsRow } from '~/db/objective-stats'
import { readObjectiveAggregate } from '~/db/objective-stats-read'
import { ensureObjectiveStats } from '~/db/objective-stats-rebuild'
import { applyPullPage } from '~/db/sync-pull-apply'
import { applyPushResults } from '~/db/sync-push-apply'
import { PISOGNE_OBJECTIVES, PISOGNE_PLAN } from '~/domain/catalogue'
import type { Entry, EntryKind } from '~/domain/entry'
import type { SnowEvent, SnowRoute } from '~/domain/plan-data'
import type { MutationResult } from '~/domain/sync-protocol'
import { computeProgress, type ProgressContext } from '~/domain/progress'
import { measuredPeriod } from '~/domain/progress/period'

/** A small deterministic generator, so a failure replays the same way. */
function randomFrom(seed: number) {
  let state = seed
  const next = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! }
}
type Random = ReturnType<typeof randomFrom>

const FROM = Date.parse('2023-01-01T00:00:00Z')
const DAY = 86_400_000
const stamp = { version: 1, updatedAt: '2023-01-01T00:00:00Z', deleted: false }
const routes: SnowRoute[] = ['r1', 'r2', 'r3'].map((id, i) => ({ id, name: id, description: '', priority: i, active: true, ...stamp }))
const events: SnowEvent[] = ['e1', 'e2'].map((id, i) => ({ id, name: id, startedAt: new Date(FROM + i * 400 * DAY).toISOString(), endedAt: null, ...stamp }))

function payloadFor(kind: EntryKind, r: Random, at: string): Record<string, unknown> {
  const later = () => new Date(Date.parse(at) + r.int(20) * DAY).toISOString()
  switch (kind) {
    case 'maintenance_report':
      return { reportedAt: at, resolvedAt: r.next() < 0.4 ? null : later() }
    case 'snow_intervention':
      return { snowEventId: r.pick(['e1', 'e2']), routeId: r.pick(['r1', 'r2', 'r3']), endedAt: later() }
    case 'milestone_update':
      return { step: r.pick(['Avvio', 'Gara', 'Collaudo']), done: r.next() < 0.7, evidence: r.next() < 0.5 ? 'Determina 12' : '', date: at.slice(0, 10) }
    case 'check':
      return { outcome: r.pick(['ok', 'findings']), critical: r.next() < 0.2 }
    case 'count_update':
      return { quantity: r.int(5), total: r.next() < 0.5 ? 10 + r.int(10) : null }
    default:
      return {}
  }
}

/** Entries over the whole plan; occurredAt repeats often, so ties are exercised. */
function anEntry(r: Random): Entry {
  const objective = r.pick(PISOGNE_OBJECTIVES)
  const kind = r.pick(objective.indicator.entryKinds)
  const at = new Date(FROM + r.int(3 * 365) * DAY + r.int(3) * 3_600_000).toISOString()
  const updated = new Date(Date.parse(at) + r.int(4) * DAY).toISOString()
  const status = kind === 'maintenance_report' ? r.pick(['open', 'resolved'] as const) : null
  return { id: `e${r.int(1e9)}`, objectiveId: objective.id, kind, payload: payloadFor(kind, r, at), status, occurredAt: at, authorId: 'u1', createdAt: at, updatedAt: updated, version: 1, locked: false, deleted: r.next() < 0.05 }
}

/** An edit that moves the entry in time, changes its payload or its update time. */
function edited(entry: Entry, r: Random): Entry {
  const fresh = anEntry(r)
  return { ...entry, occurredAt: r.next() < 0.5 ? fresh.occurredAt : entry.occurredAt, updatedAt: fresh.updatedAt, payload: fresh.objectiveId === entry.objectiveId && fresh.kind === entry.kind ? fresh.payload : entry.payload, deleted: r.next() < 0.05 }
}

const byKey = (a: ObjectiveStatsRow, b: ObjectiveStatsRow) => `${a.objectiveId}${a.month}${a.kind}`.localeCompare(`${b.objectiveId}${b.month}${b.kind}`)
const normalised = (rows: ObjectiveStatsRow[]) => rows.map((row) => ({ ...row, openReports: [...row.openReports].sort((a, b) => a.id.localeCompare(b.id)) })).sort(byKey)

/**
 * A push round's answers for the oldest queued changes: the server's copy of each entity (a later
 * updatedAt, as the server stamps it), or a rejection. Lone new entries take the path that trusts
 * what the device sent instead of reading the stored row back.
 */
async function answerPush(db: SulCampoDb, r: Random, step: number): Promise<void> {
  const batch = (await db.outbox.toArray()).slice(0, 1 + r.int(8))
  const stamped = `2027-01-01T00:${String(step % 60).padStart(2, '0')}:00.000Z`
  const results: MutationResult[] = []
  for (const sent of batch) {
    if (r.next() < 0.1) {
      results.push({ id: sent.id, status: 'rejected', code: 'invalid_payload', message: 'no' })
      continue
    }
    const stored = sent.op === 'delete' ? undefined : await db.entries.get(sent.entityId)
    const row = { ...(stored ?? sent.data), updatedAt: stamped, deleted: sent.op === 'delete' }
    results.push({ id: sent.id, status: 'applied', version: sent.baseVersion + 1, row })
  }
  await applyPushResults(db, batch, results, stamped)
}

async function randomChanges(db: SulCampoDb, r: Random, steps: number): Promise<void> {
  for (let step = 0; step < steps; step++) {
    const ids = (await db.entries.toCollection().primaryKeys()) as string[]
    const existing = ids.length > 0 ? await db.entries.get(r.pick(ids)) : undefined
    const roll = r.next()
    if (roll < 0.3 || !existing) {
      const row = anEntry(r)
      await writeChange(db, { entity: 'entry', op: 'insert', row, data: row as unknown as Record<string, unknown>, authorId: 'u1' })
    } else if (roll < 0.55) {
      await writeChange(db, { entity: 'entry', op: 'update', row: edited(existing, r), data: {}, authorId: 'u1' })
    } else if (roll < 0.65) {
      await writeChange(db, { entity: 'entry', op: 'delete', row: existing, data: {}, authorId: 'u1' })
    } else if (roll < 0.8) {
      await answerPush(db, r, step)
    } else {
      // A pull page: new rows, server edits and tombstones together (none queued locally, as the outbox is cleared).
      await db.outbox.clear()
      const changes = Array.from({ length: 1 + r.int(6) }, () => {
        const id = r.pick(ids)
        if (r.next() < 0.2) return { entity: 'entry' as const, id, deleted: true, version: 2, row: null }
        const row = r.next() < 0.5 ? anEntry(r) : { ...anEntry(r), id }
        return { entity: 'entry' as const, id: row.id, deleted: false, version: 2, row: row as unknown as Record<string, unknown> }
      })
      await applyPullPage(db, { changes, cursor: String(step), hasMore: false })
    }
  }
}

describe('objective stats kept on every write', () => {
  let db: SulCampoDb
  beforeEach(() => {
    db = openDatabase(`stats-${crypto.randomUUID()}`)
  })
  afterEach(async () => {
    db.close()
    await Dexie.delete(db.name)
  })

  it('equal the stats rebuilt from scratch after random saves, edits, deletions, push answers and pulls', async () => {
    const r = randomFrom(7)
    await db.entries.bulkAdd(Array.from({ length: 300 }, () => anEntry(r)))
    await randomChanges(db, r, 250)
    expect(normalised(await db.objectiveStats.toArray())).toEqual(normalised(statsRowsOf(await db.entries.toArray())))
  })

  it('are rebuilt on the dashboard open after entries were written around Dexie, and only then', async () => {
    const r = randomFrom(5)
    await db.entries.bulkAdd(Array.from({ length: 50 }, () => anEntry(r)))
    await randomChanges(db, r, 20)
    await expect(ensureObjectiveStats(db)).resolves.toBe(false)
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(db.name)
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const tx = raw.transaction('entries', 'readwrite')
    for (const entry of Array.from({ length: 5 }, () => anEntry(r))) tx.objectStore('entries').put(entry)
    await new Promise((resolve) => (tx.oncomplete = resolve))
    raw.close()
    await expect(ensureObjectiveStats(db)).resolves.toBe(true)
    expect(normalised(await db.objectiveStats.toArray())).toEqual(normalised(statsRowsOf(await db.entries.toArray())))
  })

  it('give every objective the same progress as its entries, in every year of the plan', async () => {
    const r = randomFrom(11)
    await db.entries.bulkAdd(Array.from({ length: 600 }, () => anEntry(r)))
    await randomChanges(db, r, 60)
    const entries = await db.entries.toArray()
    for (const [year, now] of [[2023, '2023-07-14T09:00:00Z'], [2024, '2024-12-31T22:30:00Z'], [2025, '2026-02-01T00:00:00Z']] as const) {
      const context: ProgressContext = { now: new Date(now), year, plan: PISOGNE_PLAN, programmes: [], snowRoutes: routes, snowEvents: events }
      for (const objective of PISOGNE_OBJECTIVES) {
        const aggregate = await readObjectiveAggregate(db, objective, measuredPeriod(objective.indicator, context))
        expect(computeProgress(objective, null, aggregate, context), `${objective.id} ${year}`).toEqual(computeProgress(objective, null, entries, context))
      }
    }
  })

  it('are built from the entries already on a device upgrading from schema version 2', async () => {
    const name = `stats-upgrade-${crypto.randomUUID()}`
    const old = new Dexie(name)
    old.version(1).stores({ objectives: 'id, areaId, planId', entries: 'id, objectiveId, kind, authorId, occurredAt, status, [objectiveId+occurredAt]', outbox: '++seq, &id, entityId, authorId, state', meta: 'key' })
    old.version(2).stores({ snowRoutes: 'id, priority', snowEvents: 'id, startedAt', programmes: 'id, objectiveId, [objectiveId+month]', objectiveSettings: 'id', drafts: 'id', photos: 'id, entryId, uploaded' })
    const r = randomFrom(3)
    const entries = Array.from({ length: 200 }, () => anEntry(r))
    await old.table('entries').bulkAdd(entries)
    old.close()
    const upgraded = openDatabase(name)
    try {
      expect(normalised(await upgraded.objectiveStats.toArray())).toEqual(normalised(statsRowsOf(entries)))
      await expect(ensureObjectiveStats(upgraded)).resolves.toBe(false)
    } finally {
      upgraded.close()
      await Dexie.delete(name)
    }
  })
})
