import type { NewPhoto } from '~/db/photos-repo'

export const PHOTO_LONG_EDGE = 1600
export const PHOTO_JPEG_QUALITY = 0.8

/** Target size with the long edge at most `limit`, never enlarged. */
export function fitWithin(width: number, height: number, limit = PHOTO_LONG_EDGE): { width: number; height: number } {
  const scale = Math.min(1, limit / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** Reads only the image header (the browser does not decode pixels to report the size). */
async function naturalSize(file: Blob): Promise<{ width: number; height: number }> {
  const url = URL.createObjectURL(file)
  try {
    const img = new Image()
    img.src = url
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve()
      img.onerror = () => reject(new Error('photo_unreadable'))
    })
    return { width: img.naturalWidth, height: img.naturalHeight }
  } finally {
    URL.revokeObjectURL(url)
  }
}

async function encodeJpeg(bitmap: ImageBitmap): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0)
    return canvas.convertToBlob({ type: 'image/jpeg', quality: PHOTO_JPEG_QUALITY })
  }
  const canvas = document.createElement('canvas')
  canvas.width = bitmap.width
  canvas.height = bitmap.height
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0)
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('photo_unreadable'))), 'image/jpeg', PHOTO_JPEG_QUALITY),
  )
}

/**
 * A camera original (often 10–20 MB) becomes a JPEG with the long edge ≤ 1600 px. The decoder
 * is asked for the reduced size directly (createImageBitmap resize options), so the full-size
 * bitmap is never held in memory.
 */
export async function resizePhoto(file: Blob): Promise<NewPhoto> {
  const original = await naturalSize(file)
  const target = fitWithin(original.width, original.height)
  const bitmap = await createImageBitmap(file, { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'high' })
  try {
    const blob = await encodeJpeg(bitmap)
    return { blob, width: bitmap.width, height: bitmap.height }
  } finally {
    bitmap.close()
  }
}
