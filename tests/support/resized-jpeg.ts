/** What a device keeps after resizing a photo: a JPEG of `size` bytes, random so that nothing on the way compresses it. */
export function aResizedJpeg(size = 500_000): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size)
  // getRandomValues fills at most 65,536 bytes per call.
  for (let i = 0; i < size; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536))
  bytes.set([0xff, 0xd8, 0xff, 0xe0])
  return bytes
}
