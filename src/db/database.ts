import Dexie, { type EntityTable, type Table } from 'dexie'
import { PISOGNE_PLAN_RECORD } from '~/domain/catalogue/plan'
import type { Objective } from '~/domain/objective'
import type { PlanRecord } from '~/domain/plan'
import type { Entry } from '~/domain/entry'
import type { ObjectiveSetting, Programme, SnowEvent, SnowRoute } from '~/domain/plan-data'
import type { Mutation, RejectCode } from '~/domain/sync-protocol'
import type { WorkOrderRecord } from '~/domain/work-orders/record'
import type { ReporterContact } from '~/domain/work-orders/reporter-contact'
import type { ObjectiveStatsRow, StatsKey } from './objective-stats'
import { objectiveStatsMiddleware } from './objective-stats-middleware'
import { ensureObjectiveStats, rebuildObjectiveStats } from './objective-stats-rebuild'

/** A queued change waiting for the server, kept until the server answers for it. */
export interface OutboxRow extends Mutation {
  /** Local insertion order; mutations are pushed in this order. */
  seq?: number
  state: 'pending' | 'rejected'
  attempts: number
  lastAttemptAt: string | null
  lastError: string | null
  rejectCode: RejectCode | null
  /**
   * Whether the entity had other queued mutations when this one was written, and whether a later
   * one was queued since (set by writeChange, the only writer of the outbox). Both false: the
   * entity's only queued change, so a push answer needs no lookup. Absent on rows written before
   * these flags existed; a stale true (the other one was sent or discarded) only costs a lookup.
   */
  entityHadQueued?: boolean
  laterChangeQueued?: boolean
}

/** A plan as this device caches it: pulled from the server, or the bundled demo (device-only mode). */
export interface PlanRow extends PlanRecord {
  version: number
  /** The bundled demo plan, which the UI labels "Piano dimostrativo"; absent on pulled plans. */
  demo?: boolean
}

export interface MetaRow {
  key: string
  value: unknown
}

/** An unfinished form, kept across reloads until saved or discarded. Id names the form (e.g. "patrol"). */
export interface DraftRow {
  id: string
  data: Record<string, unknown>
  updatedAt: string
}

/** A resized photo, kept on the device until uploaded after its entry synced. */
export interface PhotoRow {
  id: string
  entryId: string
  blob: Blob
  width: number
  height: number
  bytes: number
  /** 0/1, not boolean: IndexedDB cannot index booleans. */
  uploaded: 0 | 1
  createdAt: string
  /**
   * Who took it when not the entry's author (a crew member's after-photo on the report assigned to
   * them): the sync round of that user uploads it. Not indexed, so no schema version.
   */
  takenBy?: string
  /** Upload bookkeeping (not indexed, so no schema version): absent until the first attempt. */
  uploadAttempts?: number
  lastUploadAttemptAt?: string | null
  /** Why the last attempt failed (a SyncErrorCode or RejectCode); null once uploaded. */
  uploadError?: string | null
  /** 1 when the server refused the photo for good: it stays on the device and is shown, not sent again. */
  uploadRefused?: 0 | 1
  /** When this device fetched it from the server (taken on another device; uploaded is 1). */
  downloadedAt?: string
}

/**
 * A photo the server holds and this device does not (yet): its metadata, pulled as `entry_photo`
 * (docs/sync.md, "Photos down"). The row goes once the photo is in `photos`.
 */
export interface ServerPhotoRow {
  id: string
  entryId: string
  width: number
  height: number
  bytes: number
  createdAt: string
  version: number
  /** Download bookkeeping (not indexed): absent until the first attempt. */
  downloadAttempts?: number
  lastDownloadAttemptAt?: string
  downloadError?: string
}

/**
 * A reporter's contact taken with a new report (issue 13 intake), kept until the server holds it,
 * then deleted: the device does not keep a citizen's personal data once it is not needed here.
 */
export interface PendingContactRow {
  entryId: string
  contact: ReporterContact
  authorId: string
  createdAt: string
  attempts: number
  /** Why the last attempt failed (a SyncErrorCode or the server's refusal); null before any. */
  lastError: string | null
  /** 1 when the server refused it for good: kept and shown, not sent again. */
  refused: 0 | 1
}

export type SulCampoDb = Dexie & {
  objectives: EntityTable<Objective, 'id'>
  entries: EntityTable<Entry, 'id'>
  outbox: EntityTable<OutboxRow, 'seq'>
  meta: EntityTable<MetaRow, 'key'>
  snowRoutes: EntityTable<SnowRoute, 'id'>
  snowEvents: EntityTable<SnowEvent, 'id'>
  programmes: EntityTable<Programme, 'id'>
  objectiveSettings: EntityTable<ObjectiveSetting, 'id'>
  drafts: EntityTable<DraftRow, 'id'>
  photos: EntityTable<PhotoRow, 'id'>
  objectiveStats: Table<ObjectiveStatsRow, StatsKey>
  plans: EntityTable<PlanRow, 'id'>
  workOrders: EntityTable<WorkOrderRecord, 'id'>
  pendingContacts: EntityTable<PendingContactRow, 'entryId'>
  serverPhotos: EntityTable<ServerPhotoRow, 'id'>
}

export const DB_NAME = 'sulcampo'

/**
 * Schema history. Never edit a released version: add a new one, so that
 * devices with pending outbox rows upgrade in place (tested).
 */
export function declareSchema(db: Dexie): void {
  db.version(1).stores({
    objectives: 'id, areaId, planId',
    entries: 'id, objectiveId, kind, authorId, occurredAt, status, [objectiveId+occurredAt]',
    outbox: '++seq, &id, entityId, authorId, state',
    meta: 'key',
  })
  db.version(2).stores({
    snowRoutes: 'id, priority',
    snowEvents: 'id, startedAt',
    programmes: 'id, objectiveId, [objectiveId+month]',
    objectiveSettings: 'id',
    drafts: 'id',
    photos: 'id, entryId, uploaded',
  })
  // Per-objective monthly sums of entries, so the dashboard need not read every entry;
  // filled from the entries already on the device, then kept by objectiveStatsMiddleware.
  db.version(3)
    .stores({ objectiveStats: '[objectiveId+month+kind], objectiveId' })
    .upgrade((tx) => rebuildObjectiveStats(tx.table('entries'), tx.table('objectiveStats'), tx.table('meta')))
  // One author's pending mutations in push order, read with a single getAll (a filtered cursor
  // over `authorId` cost a round trip per row); the key path ends in the primary key on purpose.
  // Entries lose two indexes every write paid for: nothing queries `occurredAt` alone, and
  // `objectiveId` queries run on the first part of [objectiveId+occurredAt] (a Dexie virtual index).
  db.version(4).stores({
    outbox: '++seq, &id, entityId, authorId, state, [authorId+state+seq]',
    entries: 'id, kind, authorId, status, [objectiveId+occurredAt]',
  })
  // Plans are server data (docs/plans.md): pulled rows cached here. A device that already holds
  // the Pisogne objectives gets their plan row, as the server has it, so no objective points at
  // a plan the device does not know; the first pull replaces it with the server's copy.
  db.version(5)
    .stores({ plans: 'id, status' })
    .upgrade(async (tx) => {
      const held = await tx.table('objectives').where('planId').equals(PISOGNE_PLAN_RECORD.id).count()
      if (held > 0) await tx.table('plans').put({ ...PISOGNE_PLAN_RECORD, version: 0 })
    })
  // Work orders (issue 13): one synced record per maintenance report, with the report's id;
  // "assigned to me" reads the multi-entry index of assignees.
  db.version(6).stores({ workOrders: 'id, *assignees' })
  // The figures leave declined and duplicate reports out, as the server's do: they are found on
  // this index, which holds only declined orders (a null reason is not a key, so not indexed).
  db.version(7).stores({ workOrders: 'id, *assignees, declineReason' })
  // Reporters' contacts waiting to be sent (issue 13 intake): written with their report, read by entry.
  db.version(9).stores({ pendingContacts: 'entryId' })
  // Photos taken on other devices: what the server holds, until downloaded into `photos`. Version
  // 10, not 8: a device already at 9 (pendingContacts) would never run an upgrade to 8.
  db.version(10).stores({ serverPhotos: 'id, entryId' })
  db.use(objectiveStatsMiddleware)
}

/**
 * The app's connection. Every transaction on it is `strict`: IndexedDB reports it complete only
 * once it is flushed to disk, so "Salvato" survives the battery dying a second later (Chromium's
 * default since 121 is `relaxed`: complete once in the OS buffers, flushed every few seconds).
 * Dexie 4 sets durability per connection only, so strict is the default and the one kind of write
 * that may be lost and fetched again, a pulled page, goes through `bulkWrites(db)` instead.
 */
export function openDatabase(name: string = DB_NAME): SulCampoDb {
  return connect(name, 'strict')
}

const bulkConnections = new WeakMap<SulCampoDb, SulCampoDb>()

/**
 * A second connection to the same database whose transactions are `relaxed`, for writes the
 * server can give again: a pull page lost to a power cut takes its cursor with it (same
 * transaction), so the next pull fetches it again. Never for a user's save, and never nested in a
 * transaction of `db` (a transaction cannot span two connections).
 */
export function bulkWrites(db: SulCampoDb): SulCampoDb {
  let bulk = bulkConnections.get(db)
  if (!bulk) {
    bulk = connect(db.name, 'relaxed')
    bulkConnections.set(db, bulk)
  }
  return bulk
}

function connect(name: string, durability: 'strict' | 'relaxed'): SulCampoDb {
  const db = new Dexie(name, { chromeTransactionDurability: durability }) as SulCampoDb
  declareSchema(db)
  // Once per open, before any other query: stats that missed entries written around Dexie are rebuilt.
  db.on('ready', (vip) => ensureObjectiveStats(vip as SulCampoDb), true)
  return db
}
