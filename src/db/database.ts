import Dexie, { type EntityTable } from 'dexie'
import type { Objective } from '~/domain/objective'
import type { Entry } from '~/domain/entry'
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

export type SulCampoDb = Dexie & {
  objectives: EntityTable<Objective, 'id'>
  entries: EntityTable<Entry, 'id'>
  outbox: EntityTable<OutboxRow, 'seq'>
  meta: EntityTable<MetaRow, 'key'>
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
}

export function openDatabase(name: string = DB_NAME): SulCampoDb {
  const db = new Dexie(name) as SulCampoDb
  declareSchema(db)
  return db
}
