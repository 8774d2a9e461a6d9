import { createServer, type Server } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'

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

/** The Content-Security-Policy of the served app: no inline scripts, network only to the app and Supabase. */
export function contentSecurityPolicy(supabaseUrl: string | undefined): string {
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
    "frame-ancestors 'none'",
  ].join('; ')
}

export interface AppServer {
  url: string
  server: Server
  close(): Promise<void>
}

/**
 * Serves the built PWA (dist/) the way a production static host would: SPA fallback
 * to index.html, no caching of the service worker script, and the CSP header.
 */
export async function serveApp(options: { dir: string; port?: number; host?: string; supabaseUrl?: string }): Promise<AppServer> {
  const root = resolve(options.dir)
  const csp = contentSecurityPolicy(options.supabaseUrl)
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    let file = normalize(join(root, path))
    if (!file.startsWith(root)) {
      res.writeHead(403).end()
      return
    }
    const isFile = await stat(file).then((s) => s.isFile(), () => false)
    if (!isFile) {
      if (extname(path)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
        return
      }
      file = join(root, 'index.html')
    }
    const body = await readFile(file)
    const immutable = file.includes(`${join(root, 'assets')}`)
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((ok) => server.listen(options.port ?? 0, host, ok))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    server,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}
