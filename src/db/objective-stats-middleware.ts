import Dexie, { type DBCore, type DBCoreAddRequest, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCorePutRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie'
import type { Entry } from '~/domain/entry'
import { addEntry } from '~/domain/progress/aggregate'
import { romeMonthBounds } from '~/domain/progress/rome-calendar'
import { counts, emptyStatsRow, keyText, removeEntry, ROWS_KEY, STATS_TABLE, statsKeyOf, statsRowsOf, type ObjectiveStatsRow, type StatsKey } from './objective-stats'

const ENTRIES = 'entries'
const META_TABLE = 'meta'
const DAY_MS = 86_400_000
/** DBCoreRangeType.Range (a const enum, not importable under isolatedModules). */
const RANGE = 2 as DBCoreKeyRange['type']

/**
 * Written as promise chains on Dexie's own promises, never `await`: a middleware runs below
 * Dexie's transaction zone, and a native await loses it (the layers below then fail on it).
 */
const DexiePromise = Dexie.Promise

/** Every key a write to `entries` may change, read before it runs. */
function affectedKeys(table: DBCoreTable, req: DBCoreMutateRequest): PromiseLike<string[]> {
  switch (req.type) {
    case 'add':
      return DexiePromise.resolve(req.values.map((v: Entry) => v.id))
    case 'put':
      return DexiePromise.resolve([...(req.keys ?? req.values.map((v: Entry) => v.id)), ...(req.updates?.keys ?? [])])
    case 'delete':
      return DexiePromise.resolve(req.keys)
    case 'deleteRange':
      return table.query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } }).then((r) => r.result as string[])
  }
}

/** A bucket's entries as they now stand, read on [objectiveId+occurredAt] (a day of slack each side for any offset format). */
function entriesOfBucket(entries: DBCoreTable, trans: DBCoreTransaction, [objectiveId, month, kind]: StatsKey): PromiseLike<Entry[]> {
  const index = entries.schema.getIndexByKeyPath(['objectiveId', 'occurredAt'])
  if (!index) throw new Error('objective stats: entries have no [objectiveId+occurredAt] index')
  const { start, end } = romeMonthBounds(month)
  const range = { type: RANGE, lower: [objectiveId, new Date(start - DAY_MS).toISOString()], upper: [objectiveId, new Date(end + DAY_MS).toISOString()] }
  const bucket = keyText([objectiveId, month, kind])
  return entries.query({ trans, values: true, query: { index, range } }).then((r) => (r.result as Entry[]).filter((e) => keyText(statsKeyOf(e)) === bucket))
}

/** The rows touched by moving from `before` to `after`, updated in memory; returns those arithmetic cannot fix. */
function moveEntries(rows: Map<string, ObjectiveStatsRow>, before: (Entry | undefined)[], after: (Entry | undefined)[]): Set<string> {
  const stale = new Set<string>()
  before.forEach((old, i) => {
    if (!counts(old)) return
    const now = after[i]
    const bucket = keyText(statsKeyOf(old))
    const replacement = counts(now) && keyText(statsKeyOf(now)) === bucket ? now : null
    if (removeEntry(rows.get(bucket)!, old, replacement)) stale.add(bucket)
  })
  for (const entry of after) if (counts(entry)) addEntry(rows.get(keyText(statsKeyOf(entry)))!, entry, 'byId')
  return stale
}

type StoredRows = Map<string, ObjectiveStatsRow | undefined>

function bucketsOf(entries: (Entry | undefined)[]): Map<string, StatsKey> {
  const buckets = new Map<string, StatsKey>()
  for (const entry of entries) if (counts(entry)) buckets.set(keyText(statsKeyOf(entry)), statsKeyOf(entry))
  return buckets
}

function readRows(down: DBCore, trans: DBCoreTransaction, keys: StatsKey[]): PromiseLike<StoredRows> {
  if (keys.length === 0) return DexiePromise.resolve(new Map())
  return down.table(STATS_TABLE).getMany({ trans, keys }).then((rows: (ObjectiveStatsRow | undefined)[]) => new Map(keys.map((key, i) => [keyText(key), rows[i]])))
}

/**
 * Moves the stats from `before` to `after` (the same keys, read around the write), in the write's
 * transaction; `prefetched` are stats rows already asked for alongside the write. Buckets that
 * arithmetic cannot fix (see removeEntry) or that were missing are recomputed from their entries.
 */
function applyStatsChange(down: DBCore, trans: DBCoreTransaction, before: (Entry | undefined)[], after: (Entry | undefined)[], prefetched: PromiseLike<StoredRows>): PromiseLike<unknown> {
  const stats = down.table(STATS_TABLE)
  const touched = bucketsOf([...before, ...after])
  if (touched.size === 0) return DexiePromise.resolve()
  const keys = [...touched.values()]
  return prefetched
    .then((known) => readRows(down, trans, keys.filter((key) => !known.has(keyText(key)))).then((more) => new Map([...known, ...more])))
    .then((stored) => {
      const rows = new Map(keys.map((key) => [keyText(key), stored.get(keyText(key)) ?? emptyStatsRow(key)]))
      const stale = moveEntries(rows, before, after)
      for (const key of keys) if (stored.get(keyText(key)) === undefined) stale.add(keyText(key))
      const rebuilt = [...stale].map((bucket) =>
        entriesOfBucket(down.table(ENTRIES), trans, touched.get(bucket)!).then((entries) => rows.set(bucket, statsRowsOf(entries)[0] ?? emptyStatsRow(touched.get(bucket)!))),
      )
      return DexiePromise.all(rebuilt).then(() => {
        const kept = [...rows.values()].filter((row) => row.count > 0)
        const emptied = keys.filter((key) => rows.get(keyText(key))!.count <= 0)
        return DexiePromise.all([
          kept.length > 0 ? stats.mutate({ type: 'put', trans, values: kept }) : null,
          emptied.length > 0 ? stats.mutate({ type: 'delete', trans, keys: emptied }) : null,
        ])
      })
    })
}

/** Keeps the row count of `entries` (see ROWS_KEY) in step with a write; `counted` is its current value, being read. */
function countRows(down: DBCore, trans: DBCoreTransaction, before: (Entry | undefined)[], after: (Entry | undefined)[], counted: PromiseLike<{ value?: unknown } | undefined>): PromiseLike<unknown> {
  const delta = after.filter(Boolean).length - before.filter(Boolean).length
  if (delta === 0) return counted
  return counted.then((row) => down.table(META_TABLE).mutate({ type: 'put', trans, values: [{ key: ROWS_KEY, value: (typeof row?.value === 'number' ? row.value : 0) + delta }] }))
}

/**
 * On a row given to `put`: the entry as it is stored now, when the writer knows it for sure (a push
 * answer for the entity's only queued change, see sync-push-apply.ts), which spares reading it back.
 * A symbol key, so IndexedDB never stores it; if every row of a put carries it, nothing is read.
 */
export const STORED_BEFORE = Symbol('entry as stored before this put')

type Hinted = Entry & { [STORED_BEFORE]?: Entry }

function storedBefore(table: DBCoreTable, trans: DBCoreTransaction, values: Hinted[]): PromiseLike<(Entry | undefined)[]> {
  if (values.every((v) => v[STORED_BEFORE] !== undefined)) return DexiePromise.resolve(values.map((v) => v[STORED_BEFORE]))
  return table.getMany({ trans, keys: values.map((v) => v.id) })
}

/**
 * A plain add or put of distinct rows, the path of every save: the rows before, the write, the stats
 * rows the new values fall in and the row count are asked for together (IndexedDB answers them in
 * order), so the stats cost one more round trip, not five. What was written is the values given.
 */
function plainWrite(down: DBCore, table: DBCoreTable, req: DBCoreAddRequest | DBCorePutRequest): Promise<DBCoreMutateResponse> {
  const trans = req.trans
  const values = req.values as Entry[]
  const keys = values.map((v) => v.id)
  const before = req.type === 'add' ? DexiePromise.resolve(keys.map(() => undefined)) : storedBefore(table, trans, values)
  const written = table.mutate(req)
  const prefetched = readRows(down, trans, [...bucketsOf(values).values()])
  const counted = down.table(META_TABLE).get({ trans, key: ROWS_KEY })
  return DexiePromise.all([before, written]).then(([old, response]: [(Entry | undefined)[], DBCoreMutateResponse]) => {
    // A failed add leaves what was there; a failed put too.
    const now = values.map((v, i) => (response.failures[i] ? (req.type === 'add' ? undefined : old[i]) : v))
    const was = req.type === 'add' ? now.map(() => undefined) : old
    return DexiePromise.all([applyStatsChange(down, trans, was, now, prefetched), countRows(down, trans, was, now, counted)]).then(() => response)
  }) as Promise<DBCoreMutateResponse>
}

function withStats(down: DBCore, table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(req) {
      const trans = req.trans
      const plain = (req.type === 'add' || (req.type === 'put' && !req.updates && !req.criteria)) && new Set(req.values.map((v: Entry) => v.id)).size === req.values.length
      if (plain) return plainWrite(down, table, req as DBCoreAddRequest | DBCorePutRequest)
      return affectedKeys(table, req).then((found) => {
        const keys = [...new Set(found)]
        return table.getMany({ trans, keys }).then((before: (Entry | undefined)[]) =>
          table.mutate(req).then((response) =>
            table.getMany({ trans, keys }).then((after: (Entry | undefined)[]) =>
              DexiePromise.all([
                applyStatsChange(down, trans, before, after, DexiePromise.resolve(new Map())),
                countRows(down, trans, before, after, down.table(META_TABLE).get({ trans, key: ROWS_KEY })),
              ]).then(() => response),
            ),
          ),
        )
      }) as Promise<DBCoreMutateResponse>
    },
  }
}

/**
 * Keeps `objectiveStats` in step with `entries` whatever writes them (a save, a pull page, a push
 * answer, an import, a test): every read-write transaction over entries also covers the stats,
 * and each write to entries updates them before the transaction commits.
 */
export const objectiveStatsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'objectiveStats',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = mode === 'readwrite' && stores.includes(ENTRIES) ? [...new Set([...stores, STATS_TABLE, META_TABLE])] : stores
        return down.transaction(widened, mode, options)
      },
      table(name) {
        const table = down.table(name)
        return name === ENTRIES ? withStats(down, table) : table
      },
    }
  },
}
