import { afterEach, beforeEach } from 'vitest'
import Dexie from 'dexie'
import { openDatabase, type OutboxRow, type SulCampoDb } from '~/db/database'
import { writeChange } from '~/db/local-writes'
import type { Entry } from '~/domain/entry'
import { FakeSyncServer } from './fake-server'

export function anEntry(overrides: Partial<Entry> = {}): Entry {
  const at = '2026-11-26T10:00:00.000Z'
  return {
    id: crypto.randomUUID(),
    objectiveId: 'pl-pattugliamento',
    kind: 'patrol',
    payload: { zone: 'Centro' },
    status: null,
    occurredAt: at,
    authorId: 'officer-1',
    createdAt: at,
    updatedAt: at,
    version: 0,
    locked: false,
    deleted: false,
    ...overrides,
  }
}

/** Logs `count` new entries offline, as the field-log feature would. */
export async function logEntriesOffline(db: SulCampoDb, count: number, authorId = 'officer-1'): Promise<Entry[]> {
  const entries: Entry[] = []
  for (let i = 0; i < count; i++) {
    const entry = anEntry({ authorId, payload: { n: i } })
    await writeChange(db, { entity: 'entry', op: 'insert', row: entry, data: { ...entry }, authorId })
    entries.push(entry)
  }
  return entries
}

export async function updateStatus(db: SulCampoDb, entry: Entry, status: Entry['status'], authorId = entry.authorId): Promise<OutboxRow> {
  const row = { ...entry, status }
  return writeChange(db, { entity: 'entry', op: 'update', row, data: { status }, authorId })
}

/** A fresh, uniquely named fake-indexeddb database per test, deleted afterwards. */
export function useTestDatabase(): { readonly db: SulCampoDb; open(): void; close(): Promise<void> } {
  let db: SulCampoDb | undefined
  return {
    get db() {
      if (!db) throw new Error('open() the test database first')
      return db
    },
    open() {
      db = openDatabase(`sync-test-${crypto.randomUUID()}`)
    },
    async close() {
      if (!db) return
      db.close()
      await Dexie.delete(db.name)
    },
  }
}

/** A fresh device database and fake server per test. */
export function useDeviceAndServer(): { readonly db: SulCampoDb; readonly server: FakeSyncServer } {
  const t = useTestDatabase()
  let server = new FakeSyncServer()
  beforeEach(() => {
    t.open()
    server = new FakeSyncServer()
  })
  afterEach(() => t.close())
  return {
    get db() {
      return t.db
    },
    get server() {
      return server
    },
  }
}
