import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import type { SupabaseClient } from '@supabase/supabase-js'
import { openDatabase, type SulCampoDb } from '~/db/database'
import { writeChange } from '~/db/local-writes'
import type { Entry, ReportStatus } from '~/domain/entry'
import { createSyncEngine, type SyncEngine, type SyncOutcome } from '~/sync/engine'
import { createSupabaseSyncAuth } from '~/sync/supabase-auth'
import { createSyncLock } from '~/sync/sync-lock'
import { createSupabaseTransport } from '~/sync/transport'
import { signedInClient, type DemoAccount } from './supabase-clients'
import { queueInserts } from './sync-entries'

/**
 * A simulated device: its own fake-indexeddb database, its own supabase-js client
 * signed in as a demo user (through `url`, e.g. a fault proxy) and the real engine.
 */
export interface SyncDevice {
  account: DemoAccount
  db: SulCampoDb
  client: SupabaseClient
  engine: SyncEngine
  /** Pending + rejected mutations still on the device. */
  queued(): Promise<number>
  /** Calls syncNow() until a round succeeds with an empty outbox, at most `maxRounds` times. */
  syncUntilEmpty(maxRounds: number): Promise<{ rounds: number; failures: SyncOutcome[] }>
  destroy(): Promise<void>
}

export interface DeviceOptions {
  url?: string
  /** Client-side RPC timeout; short so that "slow past the timeout" faults cost little. */
  timeoutMs?: number
  batchSize?: number
  /** Outside vitest only (see signedInClient). */
  anonKey?: string
}

export async function startDevice(account: DemoAccount, options: DeviceOptions = {}): Promise<SyncDevice> {
  const client = await signedInClient(account, options.url, options.anonKey)
  return assembleDevice(account, openDatabase(`device-${account.role}-${crypto.randomUUID()}`), client, options)
}

/** The same device after the app reloads: the database closed and reopened by name, a new engine, the same session. */
export function reloadDevice(device: SyncDevice, options: DeviceOptions = {}): SyncDevice {
  device.db.close()
  return assembleDevice(device.account, openDatabase(device.db.name), device.client, options)
}

function assembleDevice(account: DemoAccount, db: SulCampoDb, client: SupabaseClient, options: DeviceOptions): SyncDevice {
  const engine = createSyncEngine({
    db,
    transport: createSupabaseTransport(client, options.timeoutMs),
    auth: createSupabaseSyncAuth(client),
    // No navigator.locks in node: the in-tab mutex.
    lock: createSyncLock(null),
    batchSize: options.batchSize,
  })
  const queued = () => db.outbox.count()
  return {
    account,
    db,
    client,
    engine,
    queued,
    async syncUntilEmpty(maxRounds) {
      const failures: SyncOutcome[] = []
      for (let rounds = 1; rounds <= maxRounds; rounds++) {
        // Backoff is the scheduler's job; calling the engine directly retries at once.
        const outcome = await engine.syncNow()
        if (outcome.kind === 'synced' && (await queued()) === 0) return { rounds, failures }
        failures.push(outcome)
      }
      throw new Error(`outbox still holds ${await queued()} mutations after ${maxRounds} rounds: ${JSON.stringify(failures.at(-1))}`)
    },
    async destroy() {
      db.close()
      await Dexie.delete(db.name)
    },
  }
}

/** Logs entries offline on the device, as the field-log feature does. */
export function logEntries(device: SyncDevice, entries: Entry[]): Promise<void> {
  return queueInserts(device.db, device.account.id, entries)
}

/** Moves a report's status on the device, based on the version the device holds. */
export async function setStatus(device: SyncDevice, entryId: string, status: ReportStatus): Promise<void> {
  const current = await device.db.entries.get(entryId)
  if (!current) throw new Error(`entry ${entryId} is not on ${device.account.email}'s device`)
  await writeChange(device.db, { entity: 'entry', op: 'update', row: { ...current, status }, data: { status }, authorId: device.account.id })
}
