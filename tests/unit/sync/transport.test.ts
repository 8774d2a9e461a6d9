import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createClient } from '@supabase/supabase-js'
import { createSupabaseTransport } from '~/sync/transport'

/** Real supabase-js over a scripted fetch: checks what the engine sees for each kind of failure. */
function transportAnswering(answer: (init: RequestInit) => Promise<Response>, timeoutMs = 1_000) {
  const fetch = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => answer(init ?? {}))
  const client = createClient('http://gateway.test', 'anon-key', {
    auth: { persistSession: false, autoRefreshToken: false, storageKey: crypto.randomUUID() },
    global: { fetch },
  })
  return { transport: createSupabaseTransport(client, timeoutMs), fetch }
}

const json = (status: number, body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }))

const aMutation = {
  id: 'm1', entity: 'entry', op: 'insert', entityId: 'e1', baseVersion: 0, data: {}, authorId: 'u1', createdAt: '2026-11-26T10:00:00Z',
} as const

describe('Supabase transport', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('calls sync_push with the mutations, asking for compact answers, and returns the per-mutation results', async () => {
    const { transport, fetch } = transportAnswering(() => json(200, [{ id: 'm1', status: 'applied', version: 1, row: {} }]))
    await expect(transport.push([aMutation])).resolves.toEqual([{ id: 'm1', status: 'applied', version: 1, row: {} }])
    expect(String(fetch.mock.calls[0][0])).toBe('http://gateway.test/rest/v1/rpc/sync_push')
    expect(JSON.parse(String(fetch.mock.calls[0][1]?.body))).toEqual({ mutations: [aMutation], answers: 'compact' })
  })

  it('passes the cursor and page size to sync_pull', async () => {
    const { transport, fetch } = transportAnswering(() => json(200, { changes: [], cursor: 'c2', hasMore: false }))
    await expect(transport.pull('c1', 50)).resolves.toEqual({ changes: [], cursor: 'c2', hasMore: false })
    expect(JSON.parse(String(fetch.mock.calls[0][1]?.body))).toEqual({ cursor: 'c1', lim: 50 })
  })

  it.each([
    ['an expired token', 401, { code: 'PGRST303', message: 'JWT expired' }, 'unauthorized'],
    ['a server failure', 503, { message: 'unavailable' }, 'server'],
    ['a refused batch', 400, { code: '22023', message: 'bad input' }, 'rejected_batch'],
    ['an unknown cursor', 400, { code: 'P0001', message: 'invalid_cursor' }, 'invalid_cursor'],
  ])('reports %s as a typed error', async (_name, status, body, code) => {
    const { transport } = transportAnswering(() => json(status, body))
    await expect(transport.pull(null, 10)).rejects.toMatchObject({ name: 'SyncError', code })
  })

  it('reports a dropped connection as offline', async () => {
    const { transport } = transportAnswering(() => Promise.reject(new TypeError('Failed to fetch')))
    await expect(transport.push([aMutation])).rejects.toMatchObject({ code: 'offline' })
  })

  it('gives up on a server slower than the client timeout', async () => {
    const { transport } = transportAnswering(
      (init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')))
        }),
    )
    const pushed = transport.push([aMutation])
    const settled = expect(pushed).rejects.toMatchObject({ code: 'timeout' })
    await vi.advanceTimersByTimeAsync(1_000)
    await settled
  })

  it('refuses an answer with a different number of results than mutations sent', async () => {
    const { transport } = transportAnswering(() => json(200, []))
    await expect(transport.push([aMutation])).rejects.toMatchObject({ code: 'protocol' })
  })
})
