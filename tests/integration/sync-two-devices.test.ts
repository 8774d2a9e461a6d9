import { afterEach, describe, expect, inject, it } from 'vitest'
import { pullChanges } from '~/sync/pull'
import { createSupabaseTransport } from '~/sync/transport'
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy'
import { logEntries, setStatus, startDevice, type SyncDevice } from '../support/sync-device'
import { aPatrol, aReport } from '../support/sync-entries'
import { DEMO, withDatabase } from '../support/supabase-clients'

const devices: SyncDevice[] = []
const proxies: FaultProxy[] = []

async function device(account: (typeof DEMO)[keyof typeof DEMO], url?: string): Promise<SyncDevice> {
  const started = await startDevice(account, { url })
  devices.push(started)
  return started
}

afterEach(async () => {
  await Promise.all(devices.splice(0).map((d) => d.destroy()))
  await Promise.all(proxies.splice(0).map((p) => p.close()))
})

const serverCount = (ids: string[]) =>
  withDatabase(async (db) => Number((await db.query('select count(*) from public.entries where id = any($1::uuid[])', [ids])).rows[0].count))

async function statusOn(d: SyncDevice, id: string): Promise<string | null | undefined> {
  return (await d.db.entries.get(id))?.status
}

/** A road worker files a report; the worker's and the territory manager's devices both hold it at the same version. */
async function reportOnTwoDevices(): Promise<{ worker: SyncDevice; manager: SyncDevice; id: string }> {
  const worker = await device(DEMO.worker)
  const manager = await device(DEMO.territoryManager)
  const report = aReport(worker.account.id)
  await logEntries(worker, [report])
  await worker.syncUntilEmpty(1)
  await manager.syncUntilEmpty(1)
  expect((await manager.db.entries.get(report.id))?.version).toBe((await worker.db.entries.get(report.id))?.version)
  return { worker, manager, id: report.id }
}

describe('sync between two devices through the real stack', () => {
  it('200 entries logged offline reach the server exactly once and the area manager pulls exactly those 200', async () => {
    const proxy = await startFaultProxy({ upstream: inject('supabaseUrl') })
    proxies.push(proxy)
    const officer = await device(DEMO.officer, proxy.url)
    const manager = await device(DEMO.policeManager)
    const entries = Array.from({ length: 200 }, (_, n) => aPatrol(DEMO.officer.id, n))
    const ids = entries.map((e) => e.id)

    proxy.setDown(true)
    await logEntries(officer, entries)
    expect(await officer.engine.syncNow()).toMatchObject({ kind: 'failed', error: { code: 'offline' } })
    expect(await officer.queued()).toBe(200)
    expect(await serverCount(ids)).toBe(0)

    proxy.setDown(false)
    await officer.syncUntilEmpty(2)
    expect(await serverCount(ids)).toBe(200)
    expect((await officer.db.entries.bulkGet(ids)).every((e) => e?.version === 1)).toBe(true)

    await manager.syncUntilEmpty(1)
    const pulled = (await manager.db.entries.bulkGet(ids)).filter((e) => e !== undefined)
    expect(pulled).toHaveLength(200)
    expect(new Set(pulled.map((e) => e.payload.zone)).size).toBe(200)
  })

  it('two concurrent status changes from the same version: the further status wins on both devices and the loser stays in the history', async () => {
    const { worker, manager, id } = await reportOnTwoDevices()

    await setStatus(worker, id, 'in_progress')
    await setStatus(manager, id, 'resolved')
    await manager.syncUntilEmpty(1)
    const late = await worker.engine.syncNow()
    expect(late).toMatchObject({ kind: 'synced', push: { conflicts: 1 } })
    await manager.syncUntilEmpty(1)

    expect(await statusOn(worker, id)).toBe('resolved')
    expect(await statusOn(manager, id)).toBe('resolved')
    expect(await worker.queued()).toBe(0)
    const history = await withDatabase(
      async (db) => (await db.query(`select new_value, reason, changed_by from public.entry_history where entry_id = $1 and field = 'status' and reason = 'conflict_lost'`, [id])).rows,
    )
    expect(history).toEqual([{ new_value: 'in_progress', reason: 'conflict_lost', changed_by: DEMO.worker.id }])
  })

  it('a pull never overwrites a row that still has a local change queued', async () => {
    const { worker, manager, id } = await reportOnTwoDevices()

    await setStatus(manager, id, 'in_progress')
    await setStatus(worker, id, 'resolved')
    await worker.syncUntilEmpty(1)
    // Pull only: the manager's queued change must survive the newer server row.
    const pulled = await pullChanges(manager.db, createSupabaseTransport(manager.client))
    expect(pulled.skipped).toBeGreaterThanOrEqual(1)
    expect(await statusOn(manager, id)).toBe('in_progress')
    expect(await manager.queued()).toBe(1)

    await manager.syncUntilEmpty(1)
    expect(await statusOn(manager, id)).toBe('resolved')
  })
})
