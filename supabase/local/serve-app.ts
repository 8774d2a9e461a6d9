import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readdir, readFile, stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib'
import { cachedEmbedOrigins, frameAncestorSources, isEmbedPath } from './embed-ancestors'
import { openDataRequest, sendOpenData } from './open-data-files'
import type { PublicReaders } from './public-readers'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
}

/** Text formats shrink 3–5× compressed; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt'])

/**
 * The Content-Security-Policy of the served app: no inline scripts, network only to the app and
 * Supabase, framed by no site (only the embed view is given `frameAncestors`, the listed origins).
 */
export function contentSecurityPolicy(supabaseUrl: string | undefined, frameAncestors = "'none'"): string {
  const connect = ["'self'", supabaseUrl].filter(Boolean).join(' ')
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://*.tile.openstreetmap.org",
    "font-src 'self'",
    `connect-src ${connect}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ')
}

export type ContentEncoding = 'br' | 'gzip' | 'identity'

/** The best encoding the client accepts (br, then gzip), honouring `;q=0` refusals. */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';').map((s) => s.trim()))
      .filter(([, q]) => !q || Number(q.replace(/^q=/, '')) > 0)
      .map(([name]) => name?.toLowerCase()),
  )
  if (accepted.has('br')) return 'br'
  if (accepted.has('gzip')) return 'gzip'
  return 'identity'
}

const COMPRESSORS = {
  br: (body: Buffer) => promisify(brotliCompress)(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body: Buffer) => promisify(gzip)(body, { level: 9 }),
}

/**
 * Each body made once per version of its file (path, size, mtime): a redeploy into the same
 * folder (the update-safety test does one) is served fresh, never a stale cached body. A body
 * that compresses to no less than the file is kept as is. A failed read is forgotten, so retried.
 */
function bodyCache(): (file: string, size: number, mtimeMs: number, encoding: ContentEncoding) => Promise<Buffer> {
  const cache = new Map<string, Promise<Buffer>>()
  return (file, size, mtimeMs, encoding) => {
    const key = [encoding, file, size, mtimeMs].join('\0')
    let body = cache.get(key)
    if (!body) {
      const read = readFile(file)
      body = encoding === 'identity' ? read : read.then(async (raw) => {
        const compressed = await COMPRESSORS[encoding](raw)
        return compressed.length < size ? compressed : raw
      })
      body.catch(() => cache.delete(key))
      cache.set(key, body)
    }
    return body
  }
}

type Bodies = ReturnType<typeof bodyCache>

/**
 * Compresses every text file ahead of the first visit, as a host that precompresses at deploy
 * does: brotli's best level takes most of a second on the main chunk, which a first load (or a
 * Lighthouse run) would otherwise wait for. Runs in the background; a request shares its work.
 */
async function precompress(root: string, bodies: Bodies, stopped: () => boolean): Promise<void> {
  const names = await readdir(root, { recursive: true }).catch(() => [])
  for (const name of names) {
    const file = join(root, name)
    if (stopped()) return
    if (!COMPRESSIBLE.has(extname(file))) continue
    const info = await stat(file).catch(() => undefined)
    if (!info?.isFile()) continue
    await Promise.all((['br', 'gzip'] as const).map((encoding) => bodies(file, info.size, info.mtimeMs, encoding).catch(() => undefined)))
  }
}

export interface AppServer {
  url: string
  server: Server
  close(): Promise<void>
}

/** The file a URL path names inside `root`, or undefined when it escapes it or cannot be decoded. */
function fileInRoot(root: string, rawUrl: string | undefined): string | undefined {
  let path: string
  try {
    path = decodeURIComponent(new URL(rawUrl ?? '/', 'http://x').pathname)
  } catch {
    return undefined
  }
  if (path.includes('\0')) return undefined
  const file = resolve(root, `.${path}`)
  return file === root || file.startsWith(root + sep) ? file : undefined
}

/**
 * Serves the built PWA (dist/) the way a production static host would: SPA fallback
 * to index.html, no caching of the service worker script, compression of text files,
 * and the CSP header. With the backend's `publicReaders`: the embed view may be framed by the
 * origins it lists (read at most once a minute; by none without them or while they fail), and
 * the published snapshots' open data are files at /trasparenza/dati/ (docs/transparency.md).
 * `publicUrl` is where visitors reach the app (the metadata's URLs), the served URL by default.
 */
export async function serveApp(options: {
  dir: string
  port?: number
  host?: string
  supabaseUrl?: string
  publicReaders?: PublicReaders
  publicUrl?: string
}): Promise<AppServer> {
  const root = resolve(options.dir)
  const assets = join(root, 'assets') + sep
  const csp = contentSecurityPolicy(options.supabaseUrl)
  const readers = options.publicReaders
  const embedOrigins = readers ? cachedEmbedOrigins(() => readers.embedOrigins()) : async () => null
  const embedCsp = async () => contentSecurityPolicy(options.supabaseUrl, frameAncestorSources(await embedOrigins()))
  const bodies = bodyCache()

  const securityHeaders = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' }
  let appUrl = ''

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requested = fileInRoot(root, req.url)
    if (!requested) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad path')
      return
    }
    const pathname = new URL(req.url ?? '/', 'http://x').pathname
    const openData = openDataRequest(pathname)
    if (openData) {
      await sendOpenData(res, openData, readers, options.publicUrl ?? appUrl, securityHeaders)
      return
    }
    let file = requested
    let info = await stat(file).catch(() => undefined)
    let policy = csp
    if (!info?.isFile()) {
      if (extname(file)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
        return
      }
      file = join(root, 'index.html')
      info = await stat(file)
      if (isEmbedPath(pathname)) policy = await embedCsp()
    }
    const compressible = COMPRESSIBLE.has(extname(file))
    const encoding = compressible ? chooseEncoding(req.headers['accept-encoding']) : 'identity'
    const body = await bodies(file, info.size, info.mtimeMs, encoding)
    const sentEncoding = body.length < info.size ? encoding : 'identity'
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': String(body.length),
      ...(sentEncoding === 'identity' ? {} : { 'content-encoding': sentEncoding }),
      ...(compressible ? { vary: 'accept-encoding' } : {}),
      'cache-control': file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...securityHeaders,
      'content-security-policy': policy,
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  const server = createServer((req, res) => {
    respond(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end()
    })
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((ok) => server.listen(options.port ?? 0, host, ok))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  appUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`
  let closed = false
  void precompress(root, bodies, () => closed)
  return {
    url: appUrl,
    server,
    close: () =>
      new Promise((ok) => {
        closed = true
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}
