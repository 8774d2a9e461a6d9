/**
 * Runs inside the built app's page (injected by tests/bench/work-orders-queue.ts): fills the app's
 * own IndexedDB with an area's maintenance reports and their work-order records, signs in the
 * area manager, and times the queue's read and computation alone, to say where an open's time goes.
 */
import { PISOGNE_PLAN_RECORD } from '~/domain/catalogue/plan'
import { PISOGNE_OBJECTIVES } from '~/domain/catalogue/pisogne'
import type { Entry } from '~/domain/entry'
import { untriagedRecord, type WorkOrderRecord } from '~/domain/work-orders/record'
import { openDatabase } from '~/db/database'
import { writeMeta, META_KEYS } from '~/db/meta-repo'
import { installDemoPlan } from '~/db/objectives-repo'
import { readQueue } from '~/db/triage-queue-read'
import { queueCounts, queueRows } from '~/features/work-orders/queue'

const AREA = 'territorio'
const OBJECTIVE = 'terr-segnaletica'
const DAY = 86_400_000
const SPAN_DAYS = 3 * 365
/** The newest reports are still being worked; everything older was resolved. */
const OPEN_REPORTS = 600
const MANAGER = { userId: 'bench-manager', displayName: 'Responsabile Bench', role: 'manager', areaId: AREA }

/** Report i, i = 0 the oldest, spread evenly over the last three years. */
function report(i: number, count: number, now: number): Entry {
  const at = new Date(now - SPAN_DAYS * DAY + Math.floor((i * SPAN_DAYS * DAY) / count)).toISOString()
  const open = i >= count - OPEN_REPORTS
  const status = open ? (i % 5 === 0 ? 'in_progress' : 'open') : 'resolved'
  const resolvedAt = open ? null : new Date(Date.parse(at) + (1 + (i % 12)) * DAY).toISOString()
  const payload = { category: 'signage', description: `Cartello divelto ${i}`, place: `Via Roma ${i % 200}`, location: null, reportedAt: at, resolvedAt }
  return { id: crypto.randomUUID(), objectiveId: OBJECTIVE, kind: 'maintenance_report', payload, status, occurredAt: at, authorId: `officer-${i % 12}`, createdAt: at, updatedAt: at, version: 1, locked: false, deleted: false }
}

/** A triaged report's record: assigned to a worker, now and then declined or with a due day set. */
function record(entry: Entry, i: number): WorkOrderRecord {
  const base = untriagedRecord(entry.id, entry.createdAt)
  if (i % 30 === 0) return { ...base, declineReason: 'not_ours', version: 1 }
  const dueOn = i % 7 === 0 ? entry.occurredAt.slice(0, 10) : null
  return { ...base, assignees: [`worker-${i % 4}`], priority: i % 9 === 0 ? 'urgent' : 'normal', dueOn, resolutionNote: entry.status === 'resolved' ? 'Sostituito' : null, version: 1 }
}

/** `count` reports of the area, a record for one in `recordEvery`; returns what is stored. */
async function seed(count: number, recordEvery: number): Promise<{ reports: number; records: number }> {
  const db = openDatabase()
  await installDemoPlan(db, PISOGNE_PLAN_RECORD, PISOGNE_OBJECTIVES)
  const now = Date.now()
  const entries = Array.from({ length: count }, (_, i) => report(i, count, now))
  for (let i = 0; i < entries.length; i += 5_000) await db.entries.bulkAdd(entries.slice(i, i + 5_000))
  await db.workOrders.bulkPut(entries.flatMap((e, i) => (i % recordEvery === 0 ? [record(e, i)] : [])))
  await writeMeta(db, META_KEYS.profile, MANAGER)
  const stored = { reports: await db.entries.where('kind').equals('maintenance_report').count(), records: await db.workOrders.count() }
  db.close()
  return stored
}

interface Split {
  readMs: number
  computeMs: number
  rows: number
}

/** The store's work on open without the view: `readQueue`, then the sort and the counts. */
async function split(): Promise<Split> {
  const db = openDatabase()
  await db.open()
  const t0 = performance.now()
  const found = await readQueue(db, AREA, 0)
  const t1 = performance.now()
  const rows = queueRows(found.reports, found.records, Date.now())
  queueCounts(rows)
  const t2 = performance.now()
  db.close()
  return { readMs: t1 - t0, computeMs: t2 - t1, rows: rows.length }
}

Object.assign(window, { queueBench: { seed, split } })
