// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import { cachedEmbedOrigins, frameAncestorSources, isEmbedPath } from '../../supabase/local/embed-ancestors'

describe('who may frame the embed view', () => {
  it('is the embed view and its stable links only', () => {
    expect(['/trasparenza/incorpora', '/trasparenza/incorpora/', '/trasparenza/incorpora/0b6f-id'].every(isEmbedPath)).toBe(true)
    expect(['/trasparenza', '/trasparenza/0b6f-id', '/trasparenza/incorporabile', '/trasparenza/incorpora/a/b', '/campo'].some(isEmbedPath)).toBe(false)
  })

  it('lists the origins, or none without any, and never lets anything but an origin into the header', () => {
    expect(frameAncestorSources(['https://www.comune.it', 'https://sito.comune.it:8443'])).toBe('https://www.comune.it https://sito.comune.it:8443')
    expect(frameAncestorSources([])).toBe("'none'")
    expect(frameAncestorSources(null)).toBe("'none'")
    expect(frameAncestorSources(['https://ok.it', "https://x.it; script-src 'unsafe-inline'", 'https://a.it\r\nx: 1', '*'])).toBe('https://ok.it')
  })
})

describe('cachedEmbedOrigins', () => {
  it('reads the backend once a minute, and requests meanwhile share the read', async () => {
    let clock = 0
    const source = vi.fn(async () => ['https://www.comune.it'])
    const origins = cachedEmbedOrigins(source, { now: () => clock })
    expect(await Promise.all([origins(), origins()])).toEqual([['https://www.comune.it'], ['https://www.comune.it']])
    clock = 59_999
    await origins()
    expect(source).toHaveBeenCalledTimes(1)
    clock = 60_000
    await origins()
    expect(source).toHaveBeenCalledTimes(2)
  })

  it('answers null while the backend fails (fail closed) and asks again after a few seconds', async () => {
    let clock = 0
    const source = vi.fn<() => Promise<string[]>>().mockRejectedValueOnce(new Error('ECONNREFUSED')).mockResolvedValue(['https://www.comune.it'])
    const origins = cachedEmbedOrigins(source, { now: () => clock })
    expect(await origins()).toBeNull()
    clock = 4_999
    expect(await origins()).toBeNull()
    clock = 5_000
    expect(await origins()).toEqual(['https://www.comune.it'])
  })
})
