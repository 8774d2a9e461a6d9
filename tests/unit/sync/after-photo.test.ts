// @vitest-environment node
// Node, not jsdom: fake-indexeddb keeps a Blob only with node's structuredClone (jsdom's Blob is lost).
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { unsentWorkOf } from '~/db/handover-export'
import { photosReadyToUpload, writeEntryWithPhotos } from '~/db/photos-repo'
import { actOnWorkOrder } from '~/db/work-orders-repo'
import type { WorkerAction } from '~/domain/work-orders/lifecycle'
import { untriagedRecord } from '~/domain/work-orders/record'
import { pushOutbox } from '~/sync/push'
import { anEntry, useDeviceAndServer } from './factories'

const OFFICER = 'officer-1'
const WORKER = 'worker-1'
const REPORTED = '2026-11-12T10:00:00.000Z'
const photo = () => ({ blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])]), width: 1600, height: 1200 })
const asWorker = (userId = WORKER) => ({ actor: { userId, managesArea: false }, areaMembers: new Set<string>() })

describe('the crew’s after-photo', () => {
  const f = useDeviceAndServer()

  /** The officer's report, on the server, assigned to the worker; as the worker's device holds it after a pull. */
  async function assignedReport() {
    const report = anEntry({ kind: 'maintenance_report', authorId: OFFICER, status: 'open', version: 1, payload: { reportedAt: REPORTED, resolvedAt: null } })
    const record = { ...untriagedRecord(report.id, REPORTED), assignees: [WORKER], version: 1 }
    await f.db.entries.put(report)
    await f.db.workOrders.put(record)
    f.server.serverWrite('entry', { ...report })
    f.server.serverWrite('work_order', { ...record })
    return report
  }

  it.each<[string, WorkerAction, string]>([
    ['a resolution without its note', { type: 'resolve', at: '2026-11-13T10:00:00.000Z', note: ' ' }, WORKER],
    ['resolving someone else’s order', { type: 'resolve', at: '2026-11-13T10:00:00.000Z', note: 'Fatto' }, 'worker-2'],
  ])('%s is refused and writes no photo, no change and nothing to send', async (_, action, userId) => {
    const report = await assignedReport()
    expect(await actOnWorkOrder(f.db, report.id, action, asWorker(userId), { photos: [photo()] })).toMatchObject({ ok: false })
    expect(await f.db.photos.count()).toBe(0)
    expect(await f.db.outbox.count()).toBe(0)
    expect(await f.db.entries.get(report.id)).toMatchObject({ status: 'open' })
  })

  it('is saved with the resolution, and the worker’s sync round uploads it once the report’s change is sent', async () => {
    const report = await assignedReport()
    const resolve: WorkerAction = { type: 'resolve', at: '2026-11-13T10:00:00.000Z', note: 'Cartello rimesso' }
    expect(await actOnWorkOrder(f.db, report.id, resolve, asWorker(), { photos: [photo()] })).toMatchObject({ ok: true })
    const [saved] = await f.db.photos.toArray()
    expect(saved).toMatchObject({ entryId: report.id, takenBy: WORKER, uploaded: 0 })
    expect((await f.db.outbox.toArray()).map((row) => row.entity)).toEqual(['entry', 'work_order'])
    expect(await photosReadyToUpload(f.db, WORKER, 10)).toEqual([])

    await pushOutbox(f.db, f.server, WORKER)
    expect((await photosReadyToUpload(f.db, WORKER, 10)).map((p) => p.id)).toEqual([saved!.id])
    expect(await photosReadyToUpload(f.db, OFFICER, 10)).toEqual([])
    expect((await unsentWorkOf(f.db, WORKER)).photos.map((p) => p.id)).toEqual([saved!.id])
    expect((await unsentWorkOf(f.db, OFFICER)).photos).toEqual([])
  })

  it('leaves the author’s own photos theirs to upload', async () => {
    const entry = anEntry({ authorId: OFFICER })
    await writeEntryWithPhotos(f.db, { entity: 'entry', op: 'insert', authorId: OFFICER, row: entry, data: {} }, [photo()])
    await pushOutbox(f.db, f.server, OFFICER)
    expect(await photosReadyToUpload(f.db, OFFICER, 10)).toHaveLength(1)
    expect(await photosReadyToUpload(f.db, WORKER, 10)).toEqual([])
  })
})
