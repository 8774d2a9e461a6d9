import pg from 'pg'
import { countQueued, listQueued } from '~/db/outbox-repo'
import { isSyncEntity, TABLE_OF } from '~/db/local-writes'
import type { PulledChange } from '~/domain/sync-protocol'
import type { SyncOutcome } from '~/sync/engine'
import { createSupabaseTransport } from '~/sync/transport'
import { setOffline, type SoakDevice } from './soak-device'

/** The end of the soak: what the server holds and whether each device agrees with it. */

export interface Convergence {
  ms: number
  /** Sync rounds it took, all devices together. */
  rounds: number
  /** Devices that could not empty their outbox or pull, with their last error. */
  stuck: string[]
}

/**
 * Faults off, every device online; each syncs until nothing is pending (at most `maxRounds`
 * tries), then all sync once more to pull what the others pushed last. Never throws: a stuck
 * device is a finding for the summary.
 */
export async function converge(devices: SoakDevice[], maxRounds: number): Promise<Convergence> {
  const started = performance.now()
  const lastFailure = new Map<SoakDevice, string>()
  let rounds = 0
  for (const d of devices) {
    d.plan.heal()
    setOffline(d, false)
  }
  for (const d of devices) {
    for (let tries = 1; tries <= maxRounds; tries++) {
      rounds++
      const outcome = await d.device.engine.syncNow()
      const pending = (await countQueued(d.device.db)).pending
      if (outcome.kind === 'synced' && pending === 0) break
      lastFailure.set(d, `${pending} pending after ${tries} tries, last: ${describe(outcome)}`)
    }
  }
  for (const d of devices) {
    rounds++
    const outcome = await d.device.engine.syncNow()
    if (outcome.kind !== 'synced') lastFailure.set(d, `final pull: ${describe(outcome)}`)
    else if ((await countQueued(d.device.db)).pending === 0) lastFailure.delete(d)
  }
  return { ms: Math.round(performance.now() - started), rounds, stuck: [...lastFailure].map(([d, why]) => `${d.account.email}: ${why}`) }
}

function describe(outcome: SyncOutcome): string {
  return outcome.kind === 'failed' ? `${outcome.error.code}: ${outcome.error.message}` : outcome.kind
}

export interface ServerTally {
  /** Valid entries logged on the devices and absent from the server. */
  lost: number
  /** Extra rows for one logged entry (same tag, other id). */
  duplicates: number
  /** Deliberately invalid entries that reached the server anyway. */
  invalidOnServer: number
  /** Reports whose server status is not the last one the crew set. */
  statusMismatches: number
  onServer: number
}

export async function tallyServer(databaseUrl: string, tagPrefix: string, devices: SoakDevice[]): Promise<ServerTally> {
  const logged = devices.flatMap((d) => d.logged)
  const finalStatus = new Map(devices.flatMap((d) => [...d.finalStatus]))
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ id: string; tag: string; status: string | null }>(
      `select id, coalesce(payload ->> 'zone', payload ->> 'place', payload ->> 'vehicle') as tag, status
       from public.entries where coalesce(payload ->> 'zone', payload ->> 'place', payload ->> 'vehicle') like $1 || '-%'`,
      [tagPrefix],
    )
    const onServer = new Map(rows.map((row) => [row.id, row]))
    const tags = new Set(rows.map((row) => row.tag))
    return {
      lost: logged.filter((l) => !l.invalid && !onServer.has(l.entry.id)).length,
      duplicates: rows.length - tags.size,
      invalidOnServer: logged.filter((l) => l.invalid && onServer.has(l.entry.id)).length,
      statusMismatches: [...finalStatus].filter(([id, status]) => onServer.get(id)?.status !== status).length,
      onServer: rows.length,
    }
  } finally {
    await client.end()
  }
}

export interface DeviceCheck {
  email: string
  /** Rows the server shows this user that the device lacks or holds at another version/status, and synced rows it holds that the server does not show. */
  diverging: number
  visibleOnServer: number
  pending: number
  /** Rejected mutations that are not the device's deliberately invalid inserts. */
  unexplainedRejections: number
  /** Deliberately invalid entries missing from the "needs attention" list. */
  invalidNotShown: number
}

/** The user's whole view, from a fresh `sync_pull` (no cursor), through the device's own session. */
async function serverView(d: SoakDevice): Promise<Map<string, PulledChange>> {
  const transport = createSupabaseTransport(d.device.client)
  const view = new Map<string, PulledChange>()
  let cursor: string | null = null
  for (;;) {
    const page = await transport.pull(cursor, 1000)
    for (const change of page.changes) view.set(`${change.entity}:${change.id}`, change)
    cursor = page.cursor
    if (!page.hasMore) return view
  }
}

export async function checkDevice(d: SoakDevice): Promise<DeviceCheck> {
  const { db } = d.device
  const view = await serverView(d)
  let diverging = 0
  let visibleOnServer = 0
  for (const change of view.values()) {
    if (change.deleted || !isSyncEntity(change.entity)) continue
    visibleOnServer++
    const local = (await db.table(TABLE_OF[change.entity]).get(change.id)) as { version: number; status?: unknown } | undefined
    const row = change.row as { status?: unknown } | null
    if (local?.version !== change.version || (change.entity === 'entry' && local.status !== row?.status)) diverging++
  }
  for (const entity of Object.keys(TABLE_OF) as (keyof typeof TABLE_OF)[]) {
    const synced = await db.table(TABLE_OF[entity]).filter((row: { version: number }) => row.version > 0).primaryKeys()
    diverging += synced.filter((id) => !view.has(`${entity}:${String(id)}`)).length
  }
  const invalidIds = new Set(d.logged.filter((l) => l.invalid).map((l) => l.entry.id))
  const needsAttention = (await listQueued(db, 1)).filter((row) => row.state === 'rejected')
  const shown = new Set(needsAttention.map((row) => row.entityId))
  return {
    email: d.account.email,
    diverging,
    visibleOnServer,
    pending: (await countQueued(db)).pending,
    unexplainedRejections: needsAttention.filter((row) => !invalidIds.has(row.entityId)).length,
    invalidNotShown: [...invalidIds].filter((id) => !shown.has(id)).length,
  }
}
