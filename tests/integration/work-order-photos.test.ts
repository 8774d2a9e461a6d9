import { afterEach, describe, expect, inject, it } from 'vitest'
import { writeEntryWithPhotos } from '~/db/photos-repo'
import { serverPhotosNotHere } from '~/db/server-photos-repo'
import { actOnWorkOrder } from '~/db/work-orders-repo'
import { RPC_TIMEOUT_MS } from '~/sync/transport'
import type { ActionContext } from '~/domain/work-orders/lifecycle'
import { devicesPerTest } from '../support/devices-per-test'
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy'
import { aResizedJpeg } from '../support/resized-jpeg'
import { DEMO, withDatabase } from '../support/supabase-clients'
import { aReport } from '../support/sync-entries'

const device = devicesPerTest()
let proxy: FaultProxy | undefined
afterEach(async () => {
  await proxy?.close()
  proxy = undefined
})

const AREA = new Set([DEMO.worker.id, DEMO.territoryManager.id, DEMO.officer.id])
const asManager: ActionContext = { actor: { userId: DEMO.territoryManager.id, managesArea: true }, areaMembers: AREA }
const asWorker: ActionContext = { actor: { userId: DEMO.worker.id, managesArea: false }, areaMembers: AREA }

describe('the photos of a work order through the real stack', () => {
  it('an officer’s report with a photo, assigned by the manager, resolved offline by a worker on another device who saw the photo', async () => {
    // The officer takes the report with a photo and syncs: entry, then photo.
    const officer = await device(DEMO.officer)
    const report = aReport(DEMO.officer.id)
    const jpeg = aResizedJpeg()
    await writeEntryWithPhotos(officer.db, { entity: 'entry', op: 'insert', row: report, data: { ...report }, authorId: DEMO.officer.id }, [
      { blob: new Blob([jpeg], { type: 'image/jpeg' }), width: 1600, height: 1200 },
    ])
    expect(await officer.engine.syncNow()).toMatchObject({ kind: 'synced', push: { applied: 1 }, photos: { uploaded: 1 } })
    const [taken] = await officer.db.photos.toArray()

    // The manager assigns it to the road worker.
    const manager = await device(DEMO.territoryManager)
    await manager.syncUntilEmpty(1)
    expect(await actOnWorkOrder(manager.db, report.id, { type: 'assign', assignees: [DEMO.worker.id] }, asManager)).toMatchObject({ ok: true })
    await manager.syncUntilEmpty(1)

    // The worker's phone, whose network the test cuts.
    const photoCalls: string[] = []
    proxy = await startFaultProxy({
      upstream: inject('supabaseUrl'),
      decide: ({ path }) => {
        if (path === '/rest/v1/rpc/photo_data') photoCalls.push(path)
        return null
      },
    })
    const worker = await device(DEMO.worker, { url: proxy.url })
    const first = await worker.engine.syncNow()
    expect(first).toMatchObject({ kind: 'synced', downloads: { downloaded: 1, failed: 0 }, photos: { uploaded: 0 } })
    expect(await worker.db.workOrders.get(report.id)).toMatchObject({ assignees: [DEMO.worker.id] })
    const seen = await worker.db.photos.get(taken!.id)
    expect(seen).toMatchObject({ entryId: report.id, width: 1600, height: 1200, bytes: jpeg.length, uploaded: 1 })
    expect(Buffer.from(await seen!.blob.arrayBuffer()).equals(Buffer.from(jpeg)), 'the same bytes the officer took').toBe(true)
    expect(await serverPhotosNotHere(worker.db, report.id)).toEqual([])

    // Offline: the photo is on the phone, and the worker starts and resolves the report.
    proxy.setDown(true)
    expect(await worker.db.photos.where('entryId').equals(report.id).count()).toBe(1)
    expect(await actOnWorkOrder(worker.db, report.id, { type: 'start' }, asWorker)).toMatchObject({ ok: true })
    const resolvedAt = new Date().toISOString()
    expect(await actOnWorkOrder(worker.db, report.id, { type: 'resolve', at: resolvedAt, note: 'Cartello rimesso' }, asWorker)).toMatchObject({ ok: true })
    expect(await worker.engine.syncNow()).toMatchObject({ kind: 'failed', error: { code: 'offline' } })

    // Back online: the server holds the report resolved; a second sync fetches nothing again.
    proxy.setDown(false)
    await worker.syncUntilEmpty(1)
    const stored = await withDatabase(
      async (db) => (await db.query("select status, payload ->> 'resolvedAt' as resolved_at from public.entries where id = $1", [report.id])).rows[0],
    )
    expect(stored).toEqual({ status: 'resolved', resolved_at: resolvedAt })
    expect(await worker.engine.syncNow()).toMatchObject({ kind: 'synced', downloads: { downloaded: 0, failed: 0 } })
    expect(photoCalls, 'the photo was fetched once').toHaveLength(1)
    expect(await officer.db.photos.count(), 'and the officer still has just the one photo').toBe(1)
  })

  it('downloads a 500 KB photo through the gateway well within the RPC timeout', async () => {
    const officer = await device(DEMO.officer)
    const jpegs = Array.from({ length: 5 }, () => aResizedJpeg())
    for (const jpeg of jpegs) {
      const report = aReport(DEMO.officer.id)
      await writeEntryWithPhotos(officer.db, { entity: 'entry', op: 'insert', row: report, data: { ...report }, authorId: DEMO.officer.id }, [
        { blob: new Blob([jpeg], { type: 'image/jpeg' }), width: 1600, height: 1200 },
      ])
    }
    expect(await officer.engine.syncNow()).toMatchObject({ photos: { uploaded: 5 } })
    // Its own five; a photo of an earlier test may have come down too.
    const ids = (await officer.db.photos.toArray()).filter((p) => !p.downloadedAt).map((p) => p.id)
    expect(ids).toHaveLength(5)
    const manager = await device(DEMO.territoryManager)
    const timings: number[] = []
    for (const id of ids) {
      const started = performance.now()
      const { data, error } = await manager.client.rpc('photo_data', { photo_id: id })
      timings.push(performance.now() - started)
      expect(error).toBeNull()
      expect(Buffer.from(data as string, 'base64').length).toBe(500_000)
    }
    const median = [...timings].sort((a, b) => a - b)[2]!
    console.info(`photo_data, 500 KB photo: median ${median.toFixed(0)} ms of ${timings.length} (${timings.map((t) => t.toFixed(0)).join(', ')})`)
    expect(median).toBeLessThan(RPC_TIMEOUT_MS / 10)
  })
})
