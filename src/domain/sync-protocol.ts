import { WORK_ORDER_CODES } from './work-orders/codes'
/**
 * The wire contract of the `sync_push` / `sync_pull` RPCs (ARCHITECTURE.md §4).
 * JSON on the wire uses the camelCase field names of the TypeScript types; the
 * server maps them to its snake_case columns.
 */

/** Everything the device can change goes through the outbox as one of these. */
export const SYNC_ENTITIES = ['entry', 'snow_event', 'snow_route', 'programme', 'objective_setting', 'work_order'] as const
export type SyncEntity = (typeof SYNC_ENTITIES)[number]

/**
 * Entities the server sends and the device only caches (docs/plans.md, "Wire"): never in the
 * outbox; a mutation for one is rejected `unknown_entity`.
 */
export const PULLED_ONLY_ENTITIES = ['plan', 'objective', 'entry_photo'] as const
export type PulledOnlyEntity = (typeof PULLED_ONLY_ENTITIES)[number]

/** Everything a pull page may carry. */
export type PulledEntity = SyncEntity | PulledOnlyEntity

export type MutationOp = 'insert' | 'update' | 'delete'

/**
 * Fields the server sets itself on every synced entity: none is `client_writable` in
 * private.sync_columns (pgTAP 07_server_owned_fields proves it), so the server never reads them from a
 * mutation's data and the device does not send them (about a quarter of a new entry's bytes).
 */
export const SERVER_OWNED_FIELDS = ['id', 'authorId', 'createdAt', 'updatedAt', 'updatedBy', 'version'] as const

export interface Mutation {
  /** UUID made on the device; the server applies each id at most once. */
  id: string
  entity: SyncEntity
  op: MutationOp
  entityId: string
  /** Server version the change was based on (0 for an insert). */
  baseVersion: number
  /** The fields the client sets (whole row for insert, changed fields for update), without SERVER_OWNED_FIELDS. */
  data: Record<string, unknown>
  /** The signed-in user who made the change; the server checks it equals auth.uid(). */
  authorId: string
  createdAt: string
}

/**
 * How the device asks sync_push to answer: an applied insert without the row it has just sent
 * (20261204100001; ≈ 700 of an answer's ≈ 800 bytes). Replays are answered the same way.
 */
export const PUSH_ANSWERS = 'compact'

/** Stable codes a rejected mutation carries; the UI translates them. */
export const REJECT_CODES = [
  'invalid_mutation',
  'unknown_entity',
  'unknown_kind',
  'invalid_payload',
  'field_too_large',
  'forbidden',
  'not_found',
  'locked',
  'author_mismatch',
  /** An entry for an objective of a draft, or of a plan not in force on its Rome day (docs/plans.md). */
  'objective_not_in_force',
  /** A refused work-order action (issue 13), translated as workOrderProblem.*. */
  ...WORK_ORDER_CODES,
] as const
export type RejectCode = (typeof REJECT_CODES)[number]

export type MutationResult =
  /**
   * An applied insert asked for compactly (PUSH_ANSWERS) comes back `partial`: `row` holds only
   * the fields the server set; the rest is what the device sent.
   */
  | { id: string; status: 'applied'; version: number; row: Record<string, unknown>; partial?: true }
  | { id: string; status: 'conflict'; version: number; row: Record<string, unknown> }
  | { id: string; status: 'rejected'; code: RejectCode; message: string }

/** The upload_photo argument (camelCase on the wire, like the mutations). */
export interface PhotoUpload {
  id: string
  entryId: string
  mime: 'image/jpeg'
  width: number
  height: number
  bytes: number
  /** The JPEG as base64 on one line. */
  data: string
}

export interface PulledChange {
  entity: PulledEntity
  id: string
  /** Tombstone: the row was deleted on the server; delete it locally. */
  deleted: boolean
  version: number
  /** The row as the server holds it (camelCase); null for tombstones. */
  row: Record<string, unknown> | null
}

export interface PullPage {
  changes: PulledChange[]
  /** Opaque; pass back unchanged. Null/empty string on the first pull. */
  cursor: string
  hasMore: boolean
}
