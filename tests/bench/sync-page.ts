/**
 * Runs inside Chromium (bundled by tests/bench/sync.ts): the real engine code, real IndexedDB
 * and supabase-js against the local gateway, so push and pull are timed as on a device.
 */
import { createClient } from '@supabase/supabase-js'
import Dexie from 'dexie'
import { openDatabase, type SulCampoDb } from '~/db/database'
import type { Entry } from '~/domain/entry'
import { nextPendingBatch, toWireMutation } from '~/db/outbox-repo'
import { pullChanges } from '~/sync/pull'
import { pushOutbox } from '~/sync/push'
import { createSupabaseTransport, type SyncTransport } from '~/sync/transport'
import { aPatrol, queueInserts } from '../support/sync-entries'

interface Session {
  userId: string
  transport: SyncTransport
  /** Milliseconds spent waiting for the server (the rest of a push is the device's own work). */
  waitedMs: number
}

/** The real transport, with the time spent in its calls added up. */
function timedTransport(inner: SyncTransport, into: () => Session): SyncTransport {
  const measure = async <T>(call: Promise<T>, started = performance.now()): Promise<T> => {
    try {
      return await call
    } finally {
      into().waitedMs += performance.now() - started
    }
  }
  return {
    push: (mutations) => measure(inner.push(mutations)),
    pull: (cursor, limit) => measure(inner.pull(cursor, limit)),
  }
}

let session: Session | undefined
let db: SulCampoDb | undefined

function current(): Session {
  if (!session) throw new Error('signIn() first')
  return session
}

/** A new, empty device database (the previous one is deleted). */
async function freshDatabase(name: string): Promise<SulCampoDb> {
  db?.close()
  await Dexie.delete(name)
  db = openDatabase(name)
  await db.open()
  return db
}

const zoneOf = (label: string, n: number) => `${label} ${n}`

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; serverMs: number; value: T }> {
  const started = performance.now()
  current().waitedMs = 0
  const value = await work()
  return { ms: performance.now() - started, serverMs: current().waitedMs, value }
}

/** A database of its own with the entries table as Dexie declares it (same key path, same indexes), but no Dexie. */
function openRawEntries(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const removed = indexedDB.deleteDatabase(name)
    removed.onerror = () => reject(removed.error)
    removed.onsuccess = () => {
      const open = indexedDB.open(name, 1)
      open.onupgradeneeded = () => {
        const store = open.result.createObjectStore('entries', { keyPath: 'id' })
        for (const index of ['kind', 'authorId', 'status']) store.createIndex(index, index)
        store.createIndex('[objectiveId+occurredAt]', ['objectiveId', 'occurredAt'])
      }
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    }
  })
}

/** One relaxed transaction of plain puts, as a pull page is written. */
function putAll(raw: IDBDatabase, rows: Entry[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = raw.transaction('entries', 'readwrite', { durability: 'relaxed' })
    const store = tx.objectStore('entries')
    for (const row of rows) store.put(row)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
}

const utf8Bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).byteLength

const syncBench = {
  async signIn(url: string, anonKey: string, email: string, password: string): Promise<void> {
    const client = createClient(url, anonKey, { auth: { persistSession: false, autoRefreshToken: false } })
    const { data, error } = await client.auth.signInWithPassword({ email, password })
    if (error || !data.user) throw new Error(`sign-in failed: ${error?.message}`)
    session = { userId: data.user.id, waitedMs: 0, transport: timedTransport(createSupabaseTransport(client, 300_000), current) }
  },

  /** Queues `count` patrols in the outbox of a fresh device database (not timed). */
  async queue(count: number, label: string): Promise<number> {
    const device = await freshDatabase('sync-bench-push')
    const { userId } = current()
    await queueInserts(device, userId, Array.from({ length: count }, (_, n) => aPatrol(userId, n, zoneOf(label, n))))
    return device.outbox.count()
  },

  /** The engine's push of the whole outbox, results applied to IndexedDB batch by batch. */
  async pushQueued(batchSize: number): Promise<{ ms: number; serverMs: number; applied: number; batches: number; left: number }> {
    const device = db as SulCampoDb
    const { userId, transport } = current()
    const { ms, serverMs, value } = await timed(() => pushOutbox(device, transport, userId, { batchSize }))
    if (value.rejected + value.conflicts > 0) throw new Error(`push: ${value.rejected} rejected, ${value.conflicts} conflicts`)
    return { ms, serverMs, applied: value.applied, batches: value.batches, left: await device.outbox.count() }
  },

  /** The same mutations' shape, one `sync_push` call per entry, fresh ids. */
  async pushOneByOne(count: number, label: string): Promise<{ ms: number; serverMs: number }> {
    const { userId, transport } = current()
    const mutations = Array.from({ length: count }, (_, n) => {
      const entry = aPatrol(userId, n, zoneOf(label, n))
      // On the wire as the engine sends it, so both ways push the same bytes per entry.
      return toWireMutation({ id: crypto.randomUUID(), entity: 'entry', op: 'insert', entityId: entry.id, baseVersion: 0, data: { ...entry }, authorId: userId, createdAt: entry.createdAt })
    })
    const { ms, serverMs } = await timed(async () => {
      for (const mutation of mutations) {
        const [result] = await transport.push([mutation])
        if (result?.status !== 'applied') throw new Error(`single push: ${JSON.stringify(result)}`)
      }
    })
    return { ms, serverMs }
  },

  /**
   * Bytes on the wire per mutation of one batch, each way: the JSON body supabase-js posts to
   * `sync_push` and the JSON it gets back (not timed; the outbox queued by the last `queue`).
   */
  async wireBytes(batchSize: number): Promise<{ upPerMutation: number; downPerMutation: number }> {
    const { userId, transport } = current()
    const mutations = (await nextPendingBatch(db as SulCampoDb, userId, batchSize)).map(toWireMutation)
    const results = await transport.push(mutations)
    return { upPerMutation: utf8Bytes({ mutations }) / mutations.length, downPerMutation: utf8Bytes(results) / mutations.length }
  },

  /** Everything the signed-in user may see, into an empty device database. */
  async pullAll(pageSize: number): Promise<{ ms: number; serverMs: number; stored: number; pages: number; onDevice: number }> {
    const device = await freshDatabase('sync-bench-pull')
    const { ms, serverMs, value } = await timed(() => pullChanges(device, current().transport, pageSize))
    return { ms, serverMs, stored: value.stored, pages: value.pages, onDevice: await device.entries.count() }
  },

  /**
   * What IndexedDB itself takes, the floor under the pull (issue 16): the rows the last pull
   * stored, written again into a fresh database with the entries table's indexes, one relaxed
   * transaction of `pageSize` puts each, as the pull writes its pages. Same browser, same run.
   */
  async rawIngest(pageSize: number): Promise<{ ms: number; rows: number }> {
    const rows = await (db as SulCampoDb).entries.toArray()
    const raw = await openRawEntries('sync-bench-raw')
    const started = performance.now()
    for (let from = 0; from < rows.length; from += pageSize) await putAll(raw, rows.slice(from, from + pageSize))
    const ms = performance.now() - started
    raw.close()
    return { ms, rows: rows.length }
  },
}

export type SyncBenchPage = typeof syncBench
;(window as unknown as { syncBench: SyncBenchPage }).syncBench = syncBench
