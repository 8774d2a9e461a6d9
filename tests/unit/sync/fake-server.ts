import type { Mutation, MutationResult, PulledChange, PulledEntity, PullPage, RejectCode } from '~/domain/sync-protocol'
import { SyncError } from '~/sync/sync-error'
import type { SyncTransport } from '~/sync/transport'

/** When this server says it stored a row. */
export const SERVER_TIME = '2026-11-20T10:00:00.000Z'

interface ServerRow {
  entity: PulledEntity
  id: string
  version: number
  deleted: boolean
  row: Record<string, unknown>
}

/** Records share ids across entities (an objective and its settings, a report and its work order). */
export const keyOf = (entity: PulledEntity, id: string) => `${entity}:${id}`

/**
 * An in-memory stand-in for sync_push/sync_pull with the server's promises: each
 * mutation id applied at most once, per-mutation answers, the server deciding status
 * conflicts, and a change log the pull pages through by cursor.
 */
export class FakeSyncServer implements SyncTransport {
  readonly rows = new Map<string, ServerRow>()
  readonly appliedMutationIds = new Set<string>()
  readonly pushCalls: Mutation[][] = []
  readonly pullCalls: (string | null)[] = []
  /** The next push fails: before the server sees it, or after it committed (the answer is lost). */
  failNextPush: { when: 'before' | 'after'; error: SyncError } | null = null
  rejectWhen: (m: Mutation) => RejectCode | null = () => null
  private log: string[] = []
  private remembered = new Map<string, MutationResult>()

  async push(mutations: Mutation[]): Promise<MutationResult[]> {
    this.pushCalls.push(mutations)
    const failure = this.failNextPush
    this.failNextPush = null
    if (failure?.when === 'before') throw failure.error
    const results = mutations.map((m) => this.apply(m))
    if (failure?.when === 'after') throw failure.error
    return results
  }

  async pull(cursor: string | null, limit: number): Promise<PullPage> {
    this.pullCalls.push(cursor)
    const from = cursor ? Number(cursor) : 0
    const slice = this.log.slice(from, from + limit)
    const changes: PulledChange[] = slice.map((key) => {
      const r = this.rows.get(key) as ServerRow
      return { entity: r.entity, id: r.id, deleted: r.deleted, version: r.version, row: r.deleted ? null : { ...r.row } }
    })
    const next = from + slice.length
    return { changes, cursor: String(next), hasMore: next < this.log.length }
  }

  /** A change made by someone else, seen by this device on its next pull. */
  serverWrite(entity: PulledEntity, row: Record<string, unknown> & { id: string }, deleted = false): void {
    const key = keyOf(entity, row.id)
    const current = this.rows.get(key)
    const version = (current?.version ?? 0) + 1
    this.rows.set(key, { entity, id: row.id, version, deleted, row: { ...current?.row, ...row, version } })
    this.log.push(key)
  }

  /** This server with some calls replaced, to watch them or break them; the rest go through. */
  with(override: Partial<SyncTransport>): SyncTransport {
    return { push: (mutations) => this.push(mutations), pull: (cursor, limit) => this.pull(cursor, limit), ...override }
  }

  countRows(entity: Mutation['entity']): number {
    return [...this.rows.values()].filter((r) => r.entity === entity && !r.deleted).length
  }

  private apply(m: Mutation): MutationResult {
    const seen = this.remembered.get(m.id)
    if (seen) return seen
    const result = this.decide(m)
    this.remembered.set(m.id, result)
    return result
  }

  private decide(m: Mutation): MutationResult {
    const code = this.rejectWhen(m)
    if (code) return { id: m.id, status: 'rejected', code, message: `rejected: ${code}` }
    const current = this.rows.get(keyOf(m.entity, m.entityId))
    // The server's rule for a field two people can change: the first change to reach it wins.
    if (m.op === 'update' && current && m.baseVersion < current.version && 'status' in m.data) {
      return { id: m.id, status: 'conflict', version: current.version, row: { ...current.row } }
    }
    this.appliedMutationIds.add(m.id)
    this.serverWrite(m.entity, { ...m.data, id: m.entityId, authorId: m.authorId }, m.op === 'delete')
    const stored = this.rows.get(keyOf(m.entity, m.entityId)) as ServerRow
    // As sync_push answers the app (PUSH_ANSWERS): a new row comes back with the server's own fields only.
    if (m.op === 'insert') return { id: m.id, status: 'applied', version: stored.version, partial: true, row: { updatedAt: SERVER_TIME } }
    return { id: m.id, status: 'applied', version: stored.version, row: { ...stored.row } }
  }
}
