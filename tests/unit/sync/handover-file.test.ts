import { describe, expect, it } from 'vitest'
import { canonicalJson, HANDOVER_FORMAT, HANDOVER_VERSION, handoverFileName, openHandover, sealHandover, type HandoverContent } from '~/domain/handover'
import type { Mutation } from '~/domain/sync-protocol'

const AUTHOR = 'aaaaaaaa-0000-4000-8000-000000000001'

function aMutation(overrides: Partial<Mutation> = {}): Mutation {
  const entityId = crypto.randomUUID()
  return {
    id: crypto.randomUUID(),
    entity: 'entry',
    op: 'insert',
    entityId,
    baseVersion: 0,
    data: { id: entityId, kind: 'checkpoint', payload: { place: 'Via Roma' } },
    authorId: AUTHOR,
    createdAt: '2026-12-01T08:00:00.000Z',
    ...overrides,
  }
}

function someWork(mutations: Mutation[] = [aMutation(), aMutation()]): HandoverContent {
  return {
    format: HANDOVER_FORMAT,
    version: HANDOVER_VERSION,
    exportedAt: '2026-12-03T07:00:00.000Z',
    author: { userId: AUTHOR, displayName: 'Agente Rossi' },
    mutations,
    photos: [{ id: crypto.randomUUID(), entryId: mutations[0]!.entityId, mime: 'image/jpeg', width: 4, height: 3, bytes: 4, data: '/9j/4A==' }],
  }
}

/** The file as it travels: JSON text, opened again on the other device. */
async function exported(content = someWork()): Promise<string> {
  return JSON.stringify(await sealHandover(content), null, 2)
}

describe('hand-over file', () => {
  it('opens on the other device exactly as it was exported, with whose work it is', async () => {
    const content = someWork()
    const opened = await openHandover(await exported(content))
    expect(opened).toMatchObject({ ok: true, file: { ...content, checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) } })
  })

  it('hashes the same content to the same checksum whatever the order of its keys', async () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}')
    const content = someWork()
    const reordered = Object.fromEntries(Object.entries(content).reverse()) as unknown as HandoverContent
    expect((await sealHandover(reordered)).checksum).toBe((await sealHandover(content)).checksum)
  })

  it('refuses a file whose content was edited after export, whole', async () => {
    const file = JSON.parse(await exported())
    file.mutations[1].data.payload.place = 'Via Verdi'
    await expect(openHandover(JSON.stringify(file))).resolves.toEqual({ ok: false, problem: 'checksum_mismatch' })
  })

  it('refuses a file whose author was changed, or whose checksum was replaced', async () => {
    const file = JSON.parse(await exported())
    await expect(openHandover(JSON.stringify({ ...file, author: { ...file.author, userId: crypto.randomUUID() } }))).resolves.toEqual({ ok: false, problem: 'checksum_mismatch' })
    await expect(openHandover(JSON.stringify({ ...file, checksum: `sha256:${'0'.repeat(64)}` }))).resolves.toEqual({ ok: false, problem: 'checksum_mismatch' })
    const { checksum: _dropped, ...withoutChecksum } = file
    await expect(openHandover(JSON.stringify(withoutChecksum))).resolves.toEqual({ ok: false, problem: 'malformed' })
  })

  it('refuses a file mixing another user’s changes, even with a checksum made for it', async () => {
    const text = await exported(someWork([aMutation(), aMutation({ authorId: crypto.randomUUID() })]))
    await expect(openHandover(text)).resolves.toEqual({ ok: false, problem: 'foreign_work' })
  })

  it('tells a file that is not a hand-over, from another version, or cut short', async () => {
    await expect(openHandover('{"plan": {}}')).resolves.toEqual({ ok: false, problem: 'not_a_handover' })
    await expect(openHandover('not json')).resolves.toEqual({ ok: false, problem: 'not_a_handover' })
    const file = JSON.parse(await exported())
    await expect(openHandover(JSON.stringify({ ...file, version: 2 }))).resolves.toEqual({ ok: false, problem: 'unsupported_version' })
    await expect(openHandover(JSON.stringify({ ...file, mutations: [{ id: 'x' }] }))).resolves.toEqual({ ok: false, problem: 'malformed' })
    const text = await exported()
    await expect(openHandover(text.slice(0, text.length / 2))).resolves.toEqual({ ok: false, problem: 'not_a_handover' })
  })

  it('is named after whose work it is and when it was exported', async () => {
    const file = await sealHandover({ ...someWork(), author: { userId: AUTHOR, displayName: 'Agente Niccolò Rossi' } })
    expect(handoverFileName(file)).toBe('sulcampo-non-inviato-agente-niccolo-rossi-2026-12-03-07-00-00.json')
  })
})
