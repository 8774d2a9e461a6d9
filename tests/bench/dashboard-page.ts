/**
 * Runs inside Chromium (bundled by tests/bench/dashboard.ts): fills IndexedDB with entries for
 * every objective of the catalogue, then times what the dashboard does on open — read the
 * snapshot from IndexedDB and compute value and status of all objectives.
 */
import Dexie from 'dexie'
import { PISOGNE_OBJECTIVES, PISOGNE_PLAN, PISOGNE_PLAN_RECORD } from '~/domain/catalogue'
import type { Entry, EntryKind } from '~/domain/entry'
import type { Objective } from '~/domain/objective'
import { computeAllProgress, type ProgressContext } from '~/domain/progress'
import { measuredPeriod } from '~/domain/progress/period'
import { openDatabase, type SulCampoDb } from '~/db/database'
import { readDashboardSnapshot } from '~/db/dashboard-queries'
import { installDemoPlan } from '~/db/objectives-repo'

const DB = 'sulcampo-bench'
const DAY = 86_400_000
const FROM = Date.parse('2023-01-01T08:00:00Z')

function payloadFor(kind: EntryKind, i: number, at: string): Record<string, unknown> {
  switch (kind) {
    case 'maintenance_report':
      return { category: 'signage', description: 'Cartello divelto', place: 'Via Roma', location: null, reportedAt: at, resolvedAt: i % 4 === 0 ? null : new Date(Date.parse(at) + (i % 12) * DAY).toISOString() }
    case 'snow_intervention':
      return { snowEventId: `event-${i % 6}`, routeId: `route-${i % 8}`, action: 'both', startedAt: at, endedAt: at, vehicle: 'Unimog', saltKg: 200 }
    case 'milestone_update':
      return { step: `Fase ${i % 5}`, done: i % 3 !== 0, evidence: i % 2 ? 'Determina n. 12' : '', date: at.slice(0, 10) }
    case 'check':
      return { outcome: i % 10 === 0 ? 'findings' : 'ok', findings: '', critical: false }
    case 'count_update':
      return { quantity: 1 + (i % 3), total: 4, note: '' }
    default:
      return { startedAt: at, endedAt: at, zone: 'Centro', crew: ['A', 'B'], checkpoints: 1, notes: '', location: null }
  }
}

/**
 * A municipality's mix: field work is the bulk (patrols and checkpoints 45%, maintenance reports
 * 15%, evening shifts 10%, mountain checks 10%, snow interventions 5%); the office's count updates,
 * milestones and checks share the last 15% across the other 24 objectives.
 */
const FIELD_SHARES: [string, number][] = [
  ['pl-pattugliamento', 0.45],
  ['terr-segnaletica', 0.15],
  ['pl-turni-serali', 0.1],
  ['pl-fascia-montana', 0.1],
  ['terr-piano-neve', 0.05],
]

function objectiveFor(objectives: Objective[], i: number, count: number): Objective {
  let threshold = 0
  for (const [id, share] of FIELD_SHARES) {
    threshold += share * count
    if (i < threshold) return objectives.find((o) => o.id === id)!
  }
  const office = objectives.filter((o) => !FIELD_SHARES.some(([id]) => id === o.id))
  return office[i % office.length]!
}

function makeEntries(objectives: Objective[], count: number): Entry[] {
  return Array.from({ length: count }, (_, i) => {
    const objective = objectiveFor(objectives, i, count)
    const kinds = objective.indicator.entryKinds
    const kind = kinds[i % kinds.length] ?? 'count_update'
    const at = new Date(FROM + ((i * 7919) % (3 * 365)) * DAY + (i % 600) * 60_000).toISOString()
    return { id: crypto.randomUUID(), objectiveId: objective.id, kind, payload: payloadFor(kind, i, at), status: kind === 'maintenance_report' ? 'open' : null, occurredAt: at, authorId: `user-${i % 12}`, createdAt: at, updatedAt: at, version: 1, locked: false, deleted: false }
  })
}

async function seedPlanData(db: SulCampoDb): Promise<void> {
  const stamp = { version: 1, updatedAt: '2023-01-01T00:00:00Z', deleted: false }
  await db.snowRoutes.bulkPut(Array.from({ length: 8 }, (_, i) => ({ id: `route-${i}`, name: `Percorso ${i}`, description: '', priority: i + 1, active: true, ...stamp })))
  await db.snowEvents.bulkPut(Array.from({ length: 6 }, (_, i) => ({ id: `event-${i}`, name: `Nevicata ${i}`, startedAt: new Date(FROM + i * 60 * DAY).toISOString(), endedAt: null, ...stamp })))
  await db.programmes.bulkPut(Array.from({ length: 36 }, (_, i) => ({ id: `prog-${i}`, objectiveId: 'pl-turni-serali', month: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, planned: 8, ...stamp })))
  await db.objectiveSettings.bulkPut(PISOGNE_OBJECTIVES.map((o) => ({ id: o.id, baselineValue: 400, target: 100, note: '', ...stamp })))
}

async function seed(count: number): Promise<number> {
  await Dexie.delete(DB)
  const db = openDatabase(DB)
  await installDemoPlan(db, PISOGNE_PLAN_RECORD, PISOGNE_OBJECTIVES)
  await seedPlanData(db)
  const entries = makeEntries(PISOGNE_OBJECTIVES, count)
  for (let i = 0; i < entries.length; i += 10_000) await db.entries.bulkAdd(entries.slice(i, i + 10_000))
  const stored = await db.entries.count()
  db.close()
  return stored
}

interface Timing {
  readMs: number
  computeMs: number
  totalMs: number
  objectives: number
  /** Monthly stats rows the figures were summed from (entries are not read). */
  statsRows: number
  /** Opening the database, with its entry-count check (once per app start, not part of the figure). */
  openMs: number
}

/** One dashboard open: a fresh connection (as after a reload), read, compute. */
async function measure(): Promise<Timing> {
  const opening = performance.now()
  const db = openDatabase(DB)
  // Opening counts the entries against the stats' own count (once per app start, not per dashboard open).
  await db.open()
  const openMs = performance.now() - opening
  const t0 = performance.now()
  const base = { now: new Date('2024-07-01T08:00:00Z'), year: 2024, plan: PISOGNE_PLAN, programmes: [], snowRoutes: [], snowEvents: [] }
  const snapshot = await readDashboardSnapshot(db, PISOGNE_PLAN.id, () => true, (o) => measuredPeriod(o.indicator, base))
  const t1 = performance.now()
  const context: ProgressContext = { ...base, programmes: snapshot.programmes, snowRoutes: snapshot.snowRoutes, snowEvents: snapshot.snowEvents }
  const progress = computeAllProgress(snapshot.objectives, snapshot.settings, [], context, snapshot.aggregates)
  const t2 = performance.now()
  const statsRows = await db.objectiveStats.count()
  db.close()
  return { readMs: t1 - t0, computeMs: t2 - t1, totalMs: t2 - t0, openMs, objectives: progress.size, statsRows }
}

Object.assign(window, { dashboardBench: { seed, measure } })
