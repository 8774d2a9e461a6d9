import type { SulCampoDb } from '~/db/database'
import { isQuotaExceeded } from '~/db/quota'
import { forgetServerPhoto, photosToDownload, recordDownloadAttempt, storeDownloadedPhoto } from '~/db/server-photos-repo'
import { FAILS_NEXT_CALL_TOO, SyncError, toSyncError } from './sync-error'
import type { SyncTransport } from './transport'

/**
 * After the pull, photos the server holds and this device does not (taken on another device) are
 * fetched with `photo_data`, a few per round, and kept as already on the server: downloaded once,
 * never sent back, there offline (docs/sync.md, "Photos down"). Like uploads, a failed download
 * is noted and tried next round; it never fails the round.
 */

export interface PhotoDownloadSummary {
  downloaded: number
  /** Tried again next round. */
  failed: number
}

/** A round fetches at most this many (≈ 300 KB each): a backlog never holds the round for long. */
export const PHOTO_DOWNLOADS_PER_ROUND = 5

/** The inverse of bytesToBase64 (photo-upload.ts), without fetch or FileReader. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export async function downloadServerPhotos(
  db: SulCampoDb,
  transport: SyncTransport,
  userId: string,
  now: () => Date,
): Promise<PhotoDownloadSummary> {
  const summary: PhotoDownloadSummary = { downloaded: 0, failed: 0 }
  if (!transport.downloadPhoto) return summary
  for (const photo of await photosToDownload(db, userId, now(), PHOTO_DOWNLOADS_PER_ROUND)) {
    const at = now().toISOString()
    try {
      const data = await transport.downloadPhoto(photo.id)
      // Null: this user may no longer see the photo's entry.
      if (data === null) {
        await forgetServerPhoto(db, photo.id)
        continue
      }
      const bytes = base64ToBytes(data)
      if (bytes.length !== photo.bytes) throw new SyncError('protocol', `photo_data answered ${bytes.length} bytes for a photo of ${photo.bytes}`)
      await storeDownloadedPhoto(db, photo, new Blob([bytes], { type: 'image/jpeg' }), at)
      summary.downloaded++
    } catch (thrown) {
      summary.failed++
      // A full device: the next photo would not fit either.
      if (isQuotaExceeded(thrown)) {
        await recordDownloadAttempt(db, photo.id, at, 'quota_exceeded')
        break
      }
      const error = toSyncError(thrown)
      await recordDownloadAttempt(db, photo.id, at, error.code)
      if (FAILS_NEXT_CALL_TOO.has(error.code)) break
    }
  }
  return summary
}
