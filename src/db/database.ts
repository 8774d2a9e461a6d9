import Dexie, { type EntityTable } from 'dexie'
import type { Objective } from '~/domain/objective'
import type { Entry } from '~/domain/entry'
import type { ObjectiveSetting, Programme, SnowEvent, SnowRoute } from '~/domain/plan-data'
import type { Mutation, RejectCode } from '~/domain/sync-protocol'

/** A queued change waiting for the server, kept until the server answers for it. */
export interface OutboxRow extends Mutation {
  /** Local insertion order; mutations are pushed in this order. */
  seq?: number
  state: 'pending' | 'rejected'
  attempts: number
  lastAttemptAt: string | null
  lastError: string | null
  rejectCode: RejectCode | null
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
}

export function openDatabase(name: string = DB_NAME): SulCampoDb {
  const db = new Dexie(name) as SulCampoDb
  declareSchema(db)
  return db
}
