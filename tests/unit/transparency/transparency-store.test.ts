import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { PublishedSnapshot, SnapshotSummary } from '~/features/transparency/snapshot'
import { fetchSnapshot, fetchSnapshotList, ServerRpcError } from '~/features/transparency/transparency-api'
import { useTransparencyStore } from '~/features/transparency/transparency-store'

vi.mock('~/features/transparency/transparency-api', async (original) => ({ ...(await original<object>()), fetchSnapshot: vi.fn(), fetchSnapshotList: vi.fn() }))

const ID = '3b8e7c1a-0000-4000-8000-000000000001'
const EARLIER = '3b8e7c1a-0000-4000-8000-000000000002'

const snapshot = (id: string, asOf: string): PublishedSnapshot => ({
  id,
  asOf,
  publishedAt: `${asOf}T09:00:00.000Z`,
  body: {
    asOf,
    year: 2026,
    municipality: { name: 'Comune di Pisogne', istatCode: '017143' },
    plan: { id: 'pisogne-2023-2025', title: 'PIAO 2023–2025', startYear: 2023, endYear: 2025, adoptedBy: 'Delibera G.C. n. 50', inForceFrom: '2023-01-01' },
    areas: [],
    objectives: [],
  },
})
const summary = (s: PublishedSnapshot): SnapshotSummary => ({ id: s.id, asOf: s.asOf, publishedAt: s.publishedAt, planTitle: 'PIAO 2023–2025', municipality: 'Comune di Pisogne' })
const PUBLISHED: Record<string, PublishedSnapshot> = { [ID]: snapshot(ID, '2026-11-30'), [EARLIER]: snapshot(EARLIER, '2026-06-30') }

beforeEach(() => {
  setActivePinia(createPinia())
  vi.mocked(fetchSnapshot).mockReset()
  vi.mocked(fetchSnapshotList).mockReset()
  vi.mocked(fetchSnapshot).mockImplementation(async (id) => (id === null ? PUBLISHED[ID]! : (PUBLISHED[id] ?? null)))
  vi.mocked(fetchSnapshotList).mockResolvedValue([summary(PUBLISHED[ID]!), summary(PUBLISHED[EARLIER]!)])
})

describe('public transparency page store', () => {
  it('shows the latest snapshot without an id, and every publication', async () => {
    const page = useTransparencyStore()
    await page.show(null)
    expect(page.state).toBe('ready')
    expect(page.snapshot?.id).toBe(ID)
    expect(page.list.map((s) => s.asOf)).toEqual(['2026-11-30', '2026-06-30'])
  })

  it('shows an earlier snapshot at its stable link', async () => {
    const page = useTransparencyStore()
    await page.show(EARLIER)
    expect(fetchSnapshot).toHaveBeenCalledWith(EARLIER)
    expect([page.state, page.snapshot?.asOf]).toEqual(['ready', '2026-06-30'])
  })

  it('says nothing is published yet when the comune never published', async () => {
    vi.mocked(fetchSnapshot).mockResolvedValue(null)
    vi.mocked(fetchSnapshotList).mockResolvedValue([])
    const page = useTransparencyStore()
    await page.show(null)
    expect([page.state, page.snapshot]).toEqual(['none', null])
  })

  it('says a link names no snapshot, still listing the publications; a link that is no id is not even asked', async () => {
    const page = useTransparencyStore()
    await page.show('3b8e7c1a-0000-4000-8000-00000000ffff')
    expect([page.state, page.list.length]).toEqual(['not_found', 2])
    vi.mocked(fetchSnapshot).mockClear()
    await page.show('not-a-snapshot')
    expect([page.state, page.list.length]).toEqual(['not_found', 2])
    expect(fetchSnapshot).not.toHaveBeenCalled()
  })

  it('keeps why nothing could be read (offline), and shows the page once the network is back', async () => {
    vi.mocked(fetchSnapshotList).mockRejectedValueOnce(new ServerRpcError('offline', 'published_snapshot_list: Failed to fetch'))
    const page = useTransparencyStore()
    await page.show(null)
    expect([page.state, page.failure, page.snapshot]).toEqual(['failed', 'offline', null])
    await page.show(null)
    expect([page.state, page.failure, page.snapshot?.id]).toEqual(['ready', null, ID])
  })

  it('shows the snapshot of the last link followed, whichever answer comes first', async () => {
    let answerFirst: (s: PublishedSnapshot) => void = () => undefined
    vi.mocked(fetchSnapshot).mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
    const page = useTransparencyStore()
    const first = page.show(null)
    await page.show(EARLIER)
    answerFirst(PUBLISHED[ID]!)
    await first
    expect(page.snapshot?.id).toBe(EARLIER)
  })
})
