import type { SupabaseClient } from '@supabase/supabase-js'
import type { ReporterContact } from '~/domain/work-orders/reporter-contact'
import { PUSH_ANSWERS, type Mutation, type MutationResult, type PullPage } from '~/domain/sync-protocol'
import { asPhotoUploadResult, type PhotoUpload, type PhotoUploadResult } from './photo-upload'
import { SyncError, toSyncError } from './sync-error'

/**
 * How the engine talks to the server. The Supabase implementation below is the only
 * production one; unit tests use an in-memory fake, fault tests put a proxy in front
 * of the gateway. Every failure is a SyncError, never a raw fetch error.
 */
export interface SyncTransport {
  /** Results in the same order as `mutations`; the server applies each id at most once. */
  push(mutations: Mutation[]): Promise<MutationResult[]>
  pull(cursor: string | null, limit: number): Promise<PullPage>
  /** After push, photos of entries the server holds (photo-upload.ts); fakes without it upload nothing. */
  uploadPhoto?(photo: PhotoUpload): Promise<PhotoUploadResult>
  /** After push, reporters' contacts of reports the server holds (contact-upload.ts); a refusal throws. */
  saveReportContact?(entryId: string, contact: ReporterContact): Promise<void>
  /** A photo taken elsewhere as base64, or null if this user may not see it (photo-download.ts). */
  downloadPhoto?(photoId: string): Promise<string | null>
}

/** Long enough for a 500-mutation batch (≈ 300 KB each way) on a slow mobile link, short enough not to hang a round. */
export const RPC_TIMEOUT_MS = 30_000

type RpcName = 'sync_push' | 'sync_pull' | 'upload_photo' | 'photo_data' | 'apply_handover' | 'save_report_contact'

/** One RPC with a timeout; every failure becomes a SyncError. */
export async function callRpc(client: SupabaseClient, name: RpcName, args: object, timeoutMs: number): Promise<unknown> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const { data, error, status } = await client.rpc(name, args).abortSignal(controller.signal)
    if (error) throw toSyncError({ ...error, status }, controller.signal.aborted)
    return data
  } catch (thrown) {
    throw toSyncError(thrown, controller.signal.aborted)
  } finally {
    clearTimeout(timer)
  }
}

function asPushResults(data: unknown, sent: number): MutationResult[] {
  if (!Array.isArray(data) || data.length !== sent) {
    throw new SyncError('protocol', `sync_push answered ${Array.isArray(data) ? data.length : typeof data} results for ${sent} mutations`)
  }
  return data as MutationResult[]
}

function asPullPage(data: unknown): PullPage {
  const page = data as Partial<PullPage> | null
  if (!page || !Array.isArray(page.changes) || typeof page.hasMore !== 'boolean' || typeof page.cursor !== 'string') {
    throw new SyncError('protocol', 'sync_pull answered something that is not a page')
  }
  return page as PullPage
}

export function createSupabaseTransport(client: SupabaseClient, timeoutMs: number = RPC_TIMEOUT_MS): SyncTransport {
  return {
    async push(mutations) {
      return asPushResults(await callRpc(client, 'sync_push', { mutations, answers: PUSH_ANSWERS }, timeoutMs), mutations.length)
    },
    async pull(cursor, limit) {
      return asPullPage(await callRpc(client, 'sync_pull', { cursor, lim: limit }, timeoutMs))
    },
    async uploadPhoto(photo) {
      return asPhotoUploadResult(await callRpc(client, 'upload_photo', { photo }, timeoutMs), photo.id)
    },
    async saveReportContact(entryId, contact) {
      await callRpc(client, 'save_report_contact', { entry_id: entryId, contact }, timeoutMs)
    },
    async downloadPhoto(photoId) {
      const data = await callRpc(client, 'photo_data', { photo_id: photoId }, timeoutMs)
      if (data !== null && typeof data !== 'string') throw new SyncError('protocol', 'photo_data answered something that is not base64 text')
      return data
    },
  }
}
