import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { backendPublicReaders } from '../../supabase/local/public-readers'
import { serveApp, type AppServer } from '../../supabase/local/serve-app'
import { DEMO, signedInClient } from '../support/supabase-clients'

/**
 * The app's server and the backend together (docs/transparency.md, "Embedding"): the origin an
 * admin lists reaches the embed view's frame-ancestors through the public reader, and a backend
 * that does not answer leaves the view framed by none.
 */
const ORIGIN = 'https://www.comune.pisogne.bs.it'

describe('frame-ancestors of the embed view, read from the backend', () => {
  let dist: string
  let app: AppServer
  let down: AppServer

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'sulcampo-embed-int-'))
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>SulCampo</title>')
    app = await serveApp({ dir: dist, publicReaders: backendPublicReaders(inject('supabaseUrl'), inject('anonKey')) })
    down = await serveApp({ dir: dist, publicReaders: backendPublicReaders('http://127.0.0.1:9', inject('anonKey')) })
  })

  afterAll(async () => {
    await (await signedInClient(DEMO.admin)).rpc('remove_embed_origin', { origin: ORIGIN })
    await app?.close()
    await down?.close()
    await rm(dist, { recursive: true, force: true })
  })

  const frameAncestors = async (server: AppServer, path: string) =>
    /frame-ancestors ([^;]*)/.exec((await fetch(`${server.url}${path}`)).headers.get('content-security-policy') ?? '')?.[1]

  it('carries the origin the admin listed on the embed view only', async () => {
    const { data } = await (await signedInClient(DEMO.admin)).rpc('add_embed_origin', { origin: ORIGIN })
    expect(data).toMatchObject({ status: 'listed' })
    expect(await frameAncestors(app, '/trasparenza/incorpora')).toBe(ORIGIN)
    expect(await frameAncestors(app, '/trasparenza')).toBe("'none'")
  })

  it('is none when the backend cannot be reached', async () => {
    expect(await frameAncestors(down, '/trasparenza/incorpora')).toBe("'none'")
  })
})
