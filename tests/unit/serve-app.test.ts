// @vitest-environment node
import { request } from 'node:http'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseEncoding, contentSecurityPolicy, serveApp, type AppServer } from '../../supabase/local/serve-app'
import { openDataFile } from '~/features/transparency/open-data'
import { PUBLISHED_SNAPSHOT } from '../support/published-snapshot'

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** A raw GET: the path goes out byte for byte (no URL normalisation) and the body is not decoded. */
function get(app: AppServer, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((ok, fail) => {
    const req = request(`${app.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', fail)
    req.end()
  })
}

const SCRIPT = `export const objectives = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ id: `obj-${i}`, title: 'Pattugliamento del territorio' })))}\n`
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="app"></div></body></html>'

describe('contentSecurityPolicy', () => {
  const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `))

  it('allows scripts only from the app itself: no inline and no eval', () => {
    const policy = contentSecurityPolicy('https://abc.supabase.co')
    expect(directive(policy, 'script-src')).toBe("script-src 'self'")
    expect(policy).not.toContain('unsafe-eval')
    expect(directive(policy, 'object-src')).toBe("object-src 'none'")
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'")
  })

  it('lets the app talk to itself and the configured Supabase URL, nothing else', () => {
    expect(directive(contentSecurityPolicy('https://abc.supabase.co'), 'connect-src')).toBe("connect-src 'self' https://abc.supabase.co")
    expect(directive(contentSecurityPolicy(undefined), 'connect-src')).toBe("connect-src 'self'")
  })
})

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.8', 'gzip'],
    ['gzip;q=0', 'identity'],
    ['identity', 'identity'],
    [undefined, 'identity'],
  ])('answers %s with %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected)
  })
})

describe('serveApp', () => {
  let parent: string
  let app: AppServer

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'sulcampo-serve-'))
    const dist = join(parent, 'dist')
    await mkdir(join(dist, 'assets'), { recursive: true })
    await mkdir(join(parent, 'dist-secret'))
    await writeFile(join(dist, 'index.html'), INDEX)
    await writeFile(join(dist, 'assets', 'app.js'), SCRIPT)
    await writeFile(join(dist, 'icon.png'), Buffer.alloc(4096, 7))
    await writeFile(join(parent, 'secret.txt'), 'TOP SECRET')
    await writeFile(join(parent, 'dist-secret', 'key.txt'), 'TOP SECRET')
    app = await serveApp({ dir: dist, supabaseUrl: 'http://127.0.0.1:54321' })
  })

  afterAll(async () => {
    await app.close()
    await rm(parent, { recursive: true, force: true })
  })

  it('sends gzip to a browser that accepts only gzip, smaller and identical once decoded', async () => {
    const res = await get(app, '/assets/app.js', { 'accept-encoding': 'gzip' })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.headers.vary).toBe('accept-encoding')
    expect(res.body.length).toBeLessThan(SCRIPT.length / 3)
    expect(gunzipSync(res.body).toString()).toBe(SCRIPT)
    expect(res.headers['cache-control']).toContain('immutable')
  })

  it('prefers brotli when the browser offers it', async () => {
    const res = await get(app, '/assets/app.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect(res.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT)
  })

  it('sends the file as is to a client that accepts no encoding', async () => {
    const res = await get(app, '/assets/app.js')
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.headers.vary).toBe('accept-encoding')
    expect(res.body.toString()).toBe(SCRIPT)
  })

  it('never recompresses images', async () => {
    const res = await get(app, '/icon.png', { 'accept-encoding': 'gzip, br' })
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body.length).toBe(4096)
  })

  it('answers app routes with index.html and the CSP, and a missing asset with 404', async () => {
    const route = await get(app, '/campo/pattuglia')
    expect(route.status).toBe(200)
    expect(route.body.toString()).toBe(INDEX)
    expect(route.headers['content-security-policy']).toContain("connect-src 'self' http://127.0.0.1:54321")
    expect(route.headers['cache-control']).toBe('no-cache')
    expect((await get(app, '/assets/missing.js')).status).toBe(404)
  })

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%2fdist-secret%2fkey.txt', '/%00', '/%E0%A4%A'])(
    'never serves a file outside the app folder for %s',
    async (path) => {
      const res = await get(app, path)
      expect(res.body.toString()).not.toContain('TOP SECRET')
      expect([200, 400, 404]).toContain(res.status)
      expect((await get(app, '/')).status).toBe(200)
    },
  )

  it('serves the new version of a file redeployed in place, not a cached one', async () => {
    const file = join(parent, 'dist', 'assets', 'redeployed.js')
    await writeFile(file, SCRIPT)
    expect(gunzipSync((await get(app, '/assets/redeployed.js', { 'accept-encoding': 'gzip' })).body).toString()).toBe(SCRIPT)
    const updated = `${SCRIPT}export const version = 2\n`
    await writeFile(file, updated)
    expect(gunzipSync((await get(app, '/assets/redeployed.js', { 'accept-encoding': 'gzip' })).body).toString()).toBe(updated)
  })
})

describe('serveApp: the embed view may be framed by the listed origins only', () => {
  let dist: string
  const served: AppServer[] = []
  const frameAncestors = (res: RawResponse) => /frame-ancestors ([^;]*)/.exec(String(res.headers['content-security-policy']))?.[1]

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'sulcampo-embed-'))
    await writeFile(join(dist, 'index.html'), INDEX)
  })

  afterAll(async () => {
    await Promise.all(served.map((app) => app.close()))
    await rm(dist, { recursive: true, force: true })
  })

  async function serve(embedOrigins?: () => Promise<readonly string[]>): Promise<AppServer> {
    const app = await serveApp({ dir: dist, publicReaders: embedOrigins && { embedOrigins, snapshot: async () => null } })
    served.push(app)
    return app
  }

  it('sends the listed origins on the embed view, and none on every other page', async () => {
    const app = await serve(async () => ['https://www.comune.pisogne.bs.it', 'https://trasparenza.comune.pisogne.bs.it:8443'])
    for (const path of ['/trasparenza/incorpora', '/trasparenza/incorpora/5c000000-0000-4000-8000-000000000001']) {
      const res = await get(app, path)
      expect(res.body.toString()).toBe(INDEX)
      expect(frameAncestors(res)).toBe('https://www.comune.pisogne.bs.it https://trasparenza.comune.pisogne.bs.it:8443')
    }
    for (const path of ['/', '/trasparenza', '/trasparenza/5c000000-0000-4000-8000-000000000001', '/amministrazione', '/index.html']) {
      expect(frameAncestors(await get(app, path)), path).toBe("'none'")
    }
  })

  it('fails closed: none while the backend cannot be read, or without a backend', async () => {
    const failing = await serve(async () => Promise.reject(new Error('ECONNREFUSED')))
    expect(frameAncestors(await get(failing, '/trasparenza/incorpora'))).toBe("'none'")
    expect(frameAncestors(await get(await serve(), '/trasparenza/incorpora'))).toBe("'none'")
  })
})

describe('serveApp: a published snapshot\'s open data, fetched without a browser', () => {
  let dist: string
  let app: AppServer
  let backendUp = true
  const ID = PUBLISHED_SNAPSHOT.id

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'sulcampo-open-data-'))
    await writeFile(join(dist, 'index.html'), INDEX)
    app = await serveApp({
      dir: dist,
      publicUrl: 'https://sulcampo.comune.example.it',
      publicReaders: {
        embedOrigins: async () => [],
        snapshot: async (id) => {
          if (!backendUp) throw new Error('ECONNREFUSED')
          return id === ID ? PUBLISHED_SNAPSHOT : null
        },
      },
    })
  })

  afterAll(async () => {
    await app.close()
    await rm(dist, { recursive: true, force: true })
  })

  it.each(['csv', 'json', 'metadata'] as const)('serves the %s the page downloads, byte for byte', async (kind) => {
    const file = openDataFile(PUBLISHED_SNAPSHOT, kind, 'https://sulcampo.comune.example.it')
    const res = await get(app, `/trasparenza/dati/${ID}.${kind === 'metadata' ? 'jsonld' : kind}`)
    expect(res.status).toBe(200)
    expect(res.body.equals(Buffer.from(file.text, 'utf8'))).toBe(true)
    expect(res.headers['content-type']).toBe(file.type)
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${file.name}"`)
    expect(res.headers['access-control-allow-origin']).toBe('*')
  })

  it('answers 404 for no such snapshot or file, and 503 while the backend cannot say', async () => {
    expect((await get(app, '/trasparenza/dati/3b8e7c1a-0000-4000-8000-00000000ffff.csv')).status).toBe(404)
    expect((await get(app, `/trasparenza/dati/${ID}.xlsx`)).status).toBe(404)
    expect((await get(app, '/trasparenza/dati/nope.csv')).status).toBe(404)
    backendUp = false
    const down = await get(app, `/trasparenza/dati/${ID}.csv`)
    expect([down.status, down.headers['retry-after']]).toEqual([503, '60'])
    backendUp = true
  })
})

