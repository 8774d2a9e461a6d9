import * as v from 'valibot'
import type { ProgressStatus } from '~/domain/progress/types'
import { callServerRpc, readRpcAnswer as read, ServerRpcError } from '~/sync/server-rpc'
import { SnapshotListSchema, SnapshotSchema, type PublishedSnapshot, type SnapshotSummary } from './snapshot'

/**
 * The transparency RPCs (docs/transparency.md): the public readers anyone may call, signed in or
 * not (two of snapshots, one of the embed origins), and `publish_snapshot` and the changes to the
 * embed origins, admins only. A call without an answer throws a ServerRpcError.
 */
export { ServerRpcError }

export async function fetchSnapshotList(): Promise<SnapshotSummary[]> {
  return read(SnapshotListSchema, 'published_snapshot_list', await callServerRpc('published_snapshot_list'))
}

/** One snapshot by its id, or the latest without one; null when there is none. */
export async function fetchSnapshot(id: string | null): Promise<PublishedSnapshot | null> {
  return read(v.nullable(SnapshotSchema), 'published_snapshot', await callServerRpc('published_snapshot', id ? { snapshot_id: id } : {}))
}

/** One objective's figures as the admin's dashboard computes them. */
export interface PublishedFigure {
  objectiveId: string
  value: number
  target: number | null
  unit: string
  status: ProgressStatus
}

export const PUBLISH_REFUSALS = ['invalid_field', 'future_date', 'no_plan_in_force', 'empty_plan', 'invalid_figures'] as const
export type PublishRefusal = (typeof PUBLISH_REFUSALS)[number]

export type PublishAnswer = { status: 'published'; id: string; asOf: string; publishedAt: string } | { status: 'refused'; code: PublishRefusal; detail: string }

const PublishAnswerSchema = v.variant('status', [
  v.object({ status: v.literal('published'), id: v.string(), asOf: v.string(), publishedAt: v.string() }),
  v.object({ status: v.literal('refused'), code: v.picklist(PUBLISH_REFUSALS), detail: v.string() }),
])

/** Publishes the plan in force on `asOf` (YYYY-MM-DD, Rome) with these figures; a refusal stores nothing. */
export async function publishSnapshot(asOf: string, figures: PublishedFigure[]): Promise<PublishAnswer> {
  return read(PublishAnswerSchema, 'publish_snapshot', await callServerRpc('publish_snapshot', { as_of: asOf, figures }))
}

/** The origins that may frame the embed view, sorted (public: every embed response carries them). */
export async function fetchEmbedOrigins(): Promise<string[]> {
  return read(v.array(v.string()), 'embed_origins', await callServerRpc('embed_origins'))
}

export const EMBED_ORIGIN_REFUSALS = ['invalid_origin', 'not_listed', 'too_many_origins'] as const
export type EmbedOriginRefusal = (typeof EMBED_ORIGIN_REFUSALS)[number]

const EmbedOriginsAnswerSchema = v.variant('status', [
  v.object({ status: v.literal('listed'), origins: v.array(v.string()) }),
  v.object({ status: v.literal('refused'), code: v.picklist(EMBED_ORIGIN_REFUSALS), detail: v.string() }),
])
export type EmbedOriginsAnswer = v.InferOutput<typeof EmbedOriginsAnswerSchema>

/** Lists (`add`) or removes an origin, admins only; the answer is the list as it now stands, or a refusal that changed nothing. */
export async function changeEmbedOrigins(change: 'add' | 'remove', origin: string): Promise<EmbedOriginsAnswer> {
  const rpc = `${change}_embed_origin`
  return read(EmbedOriginsAnswerSchema, rpc, await callServerRpc(rpc, { origin }))
}
