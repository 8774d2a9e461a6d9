import type { PhotoRow, SulCampoDb } from '~/db/database'
import { markPhotoUploaded, photosReadyToUpload, recordPhotoAttempt } from '~/db/photos-repo'
import type { PhotoUpload, RejectCode } from '~/domain/sync-protocol'
import { FAILS_NEXT_CALL_TOO, SyncError, toSyncError } from './sync-error'
import type { SyncTransport } from './transport'

/**
 * Photos travel after their entry: once the server holds the entry, each resized photo goes
 * to `upload_photo` (supabase/migrations/20261126000020_entry_photos.sql) under its device-made
 * id, so a retry after a lost answer is answered 'applied' again without a second copy. A
 * failed upload is noted on the photo and retried next round; it never fails the round, so
 * entries keep syncing whatever happens to their photos.
 */

export type { PhotoUpload }

export type PhotoUploadResult =
  | { id: string; status: 'applied'; bytes: number }
  | { id: string; status: 'rejected'; code: RejectCode; message: string }

export interface PhotoUploadSummary {
  uploaded: number
  /** Waiting for the server to hold the entry, or refused for good (kept and shown, never dropped). */
  rejected: number
  /** Transport failures; the photo is tried again next round. */
  failed: number
}

/** A round sends at most this many: the rest follow next round, so a backlog never holds the pull for long. */
export const PHOTOS_PER_ROUND = 10


export function asPhotoUploadResult(data: unknown, photoId: string): PhotoUploadResult {
  const result = data as Partial<PhotoUploadResult> | null
  if (!result || result.id !== photoId || (result.status !== 'applied' && result.status !== 'rejected')) {
    throw new SyncError('protocol', 'upload_photo answered something that is not a photo result')
  }
  return result as PhotoUploadResult
}

/** Base64 without FileReader (absent in workers and node): btoa over chunks small enough for fromCharCode. */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000
  let binary = ''
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
}

export async function toPhotoUpload(photo: PhotoRow): Promise<PhotoUpload> {
  const bytes = new Uint8Array(await new Response(photo.blob).arrayBuffer())
  return { id: photo.id, entryId: photo.entryId, mime: 'image/jpeg', width: photo.width, height: photo.height, bytes: bytes.length, data: bytesToBase64(bytes) }
}

/** Uploads the signed-in user's photos whose entries the server holds, one at a time (one base64 copy in memory). */
export async function uploadPendingPhotos(
  db: SulCampoDb,
  transport: SyncTransport,
  authorId: string,
  now: () => Date,
): Promise<PhotoUploadSummary> {
  const summary: PhotoUploadSummary = { uploaded: 0, rejected: 0, failed: 0 }
  if (!transport.uploadPhoto) return summary
  for (const photo of await photosReadyToUpload(db, authorId, PHOTOS_PER_ROUND)) {
    const at = now().toISOString()
    try {
      const result = await transport.uploadPhoto(await toPhotoUpload(photo))
      if (result.status === 'applied') {
        await markPhotoUploaded(db, photo.id, at)
        summary.uploaded++
      } else {
        await recordPhotoAttempt(db, photo.id, at, result.code, result.code !== 'not_found')
        summary.rejected++
      }
    } catch (thrown) {
      const error = toSyncError(thrown)
      await recordPhotoAttempt(db, photo.id, at, error.code, false)
      summary.failed++
      if (FAILS_NEXT_CALL_TOO.has(error.code)) break
    }
  }
  return summary
}
