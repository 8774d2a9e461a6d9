import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startGateway, type Gateway } from '../../supabase/local/gateway/server'
import { FAULT_KINDS, startFaultProxy, type FaultKind, type FaultProxy } from '../support/fault-proxy'
import { logEntries, startDevice, type SyncDevice } from '../support/sync-device'
import { aPatrol } from '../support/sync-entries'
import { DEMO, withDatabase } from '../support/supabase-clients'
import { seededRandom } from '../soak/seeded-random'

const ENTRIES = 360
const EACH_FAULT = 3
/** Small batches so that the run makes enough calls for every fault to land several times. */
const BATCH_SIZE = 12
const CLIENT_TIMEOUT_MS = 1_500
const SEED = 20261126

/** Every fault kind EACH_FAULT times, shuffled among as many healthy calls; healthy once it runs out. */
function faultSchedule(seed: number): (FaultKind | null)[] {
  const plan: (FaultKind | null)[] = FAULT_KINDS.flatMap((kind) => Array<FaultKind | null>(EACH_FAULT).fill(kind))
  plan.push(...Array<null>(plan.length).fill(null))
  return seededRandom(seed).shuffled(plan)
}

let gateway: Gateway
let proxy: FaultProxy
let device: SyncDevice

beforeAll(async () => {
  const gatewayOptions = { databaseUrl: inject('databaseUrl'), jwtSecret: inject('jwtSecret') }
  gateway = await startGateway({ ...gatewayOptions, port: 0 })
  const schedule = faultSchedule(SEED)
  let syncCalls = 0
  proxy = await startFaultProxy({
    upstream: gateway.url,
    // Only the sync RPCs are broken: sign-in happens before the storm.
    decide: ({ path }) => (path.startsWith('/rest/v1/rpc/sync_') ? (schedule[syncCalls++] ?? null) : null),
    restartGateway: async () => {
      await gateway.close()
      gateway = await startGateway({ ...gatewayOptions, port: gateway.port })
    },
  })
  device = await startDevice(DEMO.secondOfficer, { url: proxy.url, timeoutMs: CLIENT_TIMEOUT_MS, batchSize: BATCH_SIZE })
})

afterAll(async () => {
  await device?.destroy()
  await proxy?.close()
  await gateway?.close()
})

describe('sync through a faulty network and a restarting gateway', () => {
  it(`${ENTRIES} entries reach the server exactly once whatever the network does`, async () => {
    const zones = Array.from({ length: ENTRIES }, (_, n) => `Guasto ${SEED}-${n}`)
    const entries = zones.map((zone, n) => aPatrol(DEMO.secondOfficer.id, n, zone))
    const ids = entries.map((e) => e.id)
    await logEntries(device, entries)

    const { rounds, failures } = await device.syncUntilEmpty(60)

    const server = await withDatabase(async (db) => {
      const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params)).rows[0].count)
      return {
        byId: await count('select count(*) from public.entries where id = any($1::uuid[])', [ids]),
        // A retried insert under a fresh id would show up here as a second row with the same payload.
        byZone: await count(`select count(*) from public.entries where author_id = $1 and payload ->> 'zone' = any($2)`, [DEMO.secondOfficer.id, zones]),
        duplicateIds: await count('select count(*) from (select id from public.entries group by id having count(*) > 1) d', []),
        duplicatePayloads: await count(
          `select count(*) from (select payload from public.entries where author_id = $1 and payload ->> 'zone' = any($2)
           group by payload having count(*) > 1) d`,
          [DEMO.secondOfficer.id, zones],
        ),
      }
    })
    const onDevice = (await device.db.entries.bulkGet(ids)).filter((e) => e !== undefined && e.version >= 1).length
    const lost = ENTRIES - server.byId
    const duplicates = server.duplicateIds + server.duplicatePayloads + (server.byZone - server.byId)
    console.info(
      `faults injected: ${JSON.stringify(proxy.injected)}; entries: ${ENTRIES}; duplicates: ${duplicates}; lost: ${lost}` +
        ` (${proxy.log.filter((f) => f.path.endsWith('/sync_push')).length} faults hit sync_push; ${rounds} sync rounds, ${failures.length} failed)`,
    )

    for (const kind of FAULT_KINDS) expect(proxy.injected[kind], kind).toBe(EACH_FAULT)
    // The key case did happen: a committed batch whose answer never reached the device.
    expect(proxy.log).toContainEqual({ kind: 'drop_after_commit', path: '/rest/v1/rpc/sync_push' })
    expect(failures.map((f) => (f.kind === 'failed' ? f.error.code : f.kind))).not.toContain('protocol')
    expect({ lost, duplicates, onDevice, outbox: await device.queued() }).toEqual({ lost: 0, duplicates: 0, onDevice: ENTRIES, outbox: 0 })
  })
})
