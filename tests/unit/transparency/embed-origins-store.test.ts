import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useEmbedOriginsStore } from '~/features/transparency/embed-origins-store'
import { changeEmbedOrigins, fetchEmbedOrigins, ServerRpcError } from '~/features/transparency/transparency-api'

vi.mock('~/features/transparency/transparency-api', async (original) => ({ ...(await original<object>()), fetchEmbedOrigins: vi.fn(), changeEmbedOrigins: vi.fn() }))

const SITE = 'https://www.comune.pisogne.bs.it'

beforeEach(() => {
  setActivePinia(createPinia())
  vi.mocked(fetchEmbedOrigins).mockReset().mockResolvedValue([])
  vi.mocked(changeEmbedOrigins).mockReset().mockImplementation(async (change, origin) =>
    change === 'add' ? { status: 'listed', origins: [origin] } : { status: 'listed', origins: [] })
})

describe('the admin’s list of sites that may embed the public page', () => {
  it('lists the address as the browser compares it, from what the address bar shows', async () => {
    const store = useEmbedOriginsStore()
    expect(await store.add(' https://WWW.Comune.Pisogne.bs.it/ ')).toBe(true)
    expect(changeEmbedOrigins).toHaveBeenCalledWith('add', SITE)
    expect(store.origins).toEqual([SITE])
    expect(store.trouble).toBeNull()
  })

  it.each([
    ['http://www.comune.it', 'not_https'],
    ['https://*.comune.it', 'wildcard'],
    ['https://www.comune.it/trasparenza', 'not_origin'],
    ['  ', 'required'],
  ] as const)('refuses %j on the device (%s) and sends nothing', async (typed, code) => {
    const store = useEmbedOriginsStore()
    expect(await store.add(typed)).toBe(false)
    expect(store.trouble).toEqual({ kind: 'problem', code })
    expect(changeEmbedOrigins).not.toHaveBeenCalled()
  })

  it('keeps the list as it was when the server refuses or does not answer', async () => {
    const store = useEmbedOriginsStore()
    vi.mocked(fetchEmbedOrigins).mockResolvedValue([SITE])
    await store.load()
    vi.mocked(changeEmbedOrigins).mockResolvedValueOnce({ status: 'refused', code: 'too_many_origins', detail: 'at most 20' })
    expect(await store.add('https://altro.comune.it')).toBe(false)
    expect(store.trouble).toEqual({ kind: 'refused', code: 'too_many_origins' })
    vi.mocked(changeEmbedOrigins).mockRejectedValueOnce(new ServerRpcError('offline', 'remove_embed_origin: Failed to fetch'))
    await store.remove(SITE)
    expect(store.trouble).toEqual({ kind: 'failed', code: 'offline' })
    expect(store.origins).toEqual([SITE])
  })
})
