import type { ServerResponse } from 'node:http'
import { OPEN_DATA_PATH, openDataFile, openDataKindOf, type OpenDataKind } from '../../src/features/transparency/open-data'
import type { PublicReaders } from './public-readers'

/**
 * A published snapshot's open data served without a browser (docs/transparency.md, "Open data
 * for harvesters"): `/trasparenza/dati/<id>.csv|json|jsonld`, the download URLs the DCAT-AP_IT
 * metadata names. Made by the same `openDataFile` as the page's buttons, so the same bytes.
 */
const DATA_PATH = new RegExp(`^${OPEN_DATA_PATH}/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([a-z]+)$`)

/** The snapshot and kind a path asks for, or null when it is not an open-data path. */
export function openDataRequest(pathname: string): { id: string; kind: OpenDataKind | null } | null {
  if (!pathname.startsWith(`${OPEN_DATA_PATH}/`)) return null
  const [, id, extension] = DATA_PATH.exec(pathname) ?? []
  return { id: id ?? '', kind: id ? openDataKindOf(extension!) : null }
}

/** Answers one open-data request: the file, 404 for no such snapshot or file, 503 while the backend cannot say. */
export async function sendOpenData(
  res: ServerResponse,
  wanted: { id: string; kind: OpenDataKind | null },
  readers: PublicReaders | undefined,
  origin: string,
  headers: Record<string, string>,
): Promise<void> {
  const notFound = () => res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end('not found')
  if (!wanted.kind || !readers) return void notFound()
  const snapshot = await readers.snapshot(wanted.id).catch(() => undefined)
  if (snapshot === undefined) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '60', ...headers }).end('the published data cannot be read now')
    return
  }
  if (snapshot === null) return void notFound()
  const file = openDataFile(snapshot, wanted.kind, origin)
  const body = Buffer.from(file.text, 'utf8')
  res.writeHead(200, {
    'content-type': file.type,
    'content-length': String(body.length),
    'content-disposition': `attachment; filename="${file.name}"`,
    // A published snapshot never changes; its files are public data anyone may fetch.
    'cache-control': 'public, max-age=3600',
    'access-control-allow-origin': '*',
    ...headers,
  })
  res.end(body)
}
