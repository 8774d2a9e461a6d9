import { randomUUID } from 'node:crypto'
import type { SupabaseClient } from '@supabase/supabase-js'
import { expect, inject } from 'vitest'
import type { Mutation, MutationResult, PulledChange, PullPage, RejectCode, SyncEntity } from '~/domain/sync-protocol'
import { DEMO, anonClient, signedInClient, withDatabase } from '../supabase-clients'

/** Who attacks: a demo account, or a visitor holding only the public anon key. */
export type Actor = keyof typeof DEMO | 'anon'

/** One attack and the behaviour that proves it held; `run` throws (an expect fails) on a breach. */
export interface Probe {
  actor: Actor
  attack: string
  expected: string
  run(kit: ProbeKit): Promise<void>
}

/** Rows the probes attack, made by their rightful owners before any probe runs. */
export interface Fixtures {
  officerCount: { entityId: string; mutationId: string }
  officerReport: { entityId: string }
  lockedEntry: { entityId: string }
  workerSnowCount: { entityId: string }
  workerSignageReport: { entityId: string }
  snowRouteId: string
}

export interface ProbeKit {
  client(actor: Actor): Promise<SupabaseClient>
  fixtures: Fixtures
}

const ISO_NOW = () => new Date().toISOString()

export function insertMutation(
  actor: keyof typeof DEMO,
  entity: SyncEntity,
  data: Record<string, unknown>,
  entityId: string = randomUUID(),
): Mutation {
  return { id: randomUUID(), entity, op: 'insert', entityId, baseVersion: 0, data: { ...data, id: entityId }, authorId: DEMO[actor].id, createdAt: ISO_NOW() }
}

export function entryInsert(actor: keyof typeof DEMO, objectiveId: string, kind: string, payload: Record<string, unknown>): Mutation {
  return insertMutation(actor, 'entry', { objectiveId, kind, payload, occurredAt: ISO_NOW() })
}

export const countPayload = (quantity = 1) => ({ quantity })

export const reportPayload = (description = 'Cartello divelto') => ({
  category: 'signage',
  description,
  place: 'Via Roma 1',
  reportedAt: ISO_NOW(),
})

export function updateMutation(actor: keyof typeof DEMO, entity: SyncEntity, entityId: string, data: Record<string, unknown>, baseVersion = 1): Mutation {
  return { id: randomUUID(), entity, op: 'update', entityId, baseVersion, data, authorId: DEMO[actor].id, createdAt: ISO_NOW() }
}

export function deleteMutation(actor: keyof typeof DEMO, entity: SyncEntity, entityId: string, baseVersion = 1): Mutation {
  return { ...updateMutation(actor, entity, entityId, {}, baseVersion), op: 'delete' }
}

/** Pushes one mutation and returns its answer; the call itself must succeed. */
export async function pushOne(client: SupabaseClient, mutation: unknown): Promise<MutationResult> {
  const { data, error } = await client.rpc('sync_push', { mutations: [mutation] })
  expect(error).toBeNull()
  return (data as MutationResult[])[0]!
}

export function expectRejected(result: MutationResult, ...codes: RejectCode[]): void {
  expect(result.status).toBe('rejected')
  if (result.status === 'rejected') expect(codes).toContain(result.code)
}

/** Everything the user may pull, following the cursor to the end. */
export async function pullAll(client: SupabaseClient): Promise<PulledChange[]> {
  const changes: PulledChange[] = []
  let cursor = ''
  for (;;) {
    const { data, error } = await client.rpc('sync_pull', { cursor, lim: 1000 })
    expect(error).toBeNull()
    const page = data as PullPage
    changes.push(...page.changes)
    if (!page.hasMore) return changes
    cursor = page.cursor
  }
}

/** A table row as the database holds it (superuser, bypassing RLS), to check nothing changed. */
export async function storedRow(table: string, id: string): Promise<Record<string, unknown> | undefined> {
  return withDatabase(async (db) => (await db.query(`select to_jsonb(t.*) as row from public.${table} t where t.id::text = $1`, [id])).rows[0]?.row)
}

/** A POST to the gateway's RPC endpoint with a hand-made body and headers, as a hostile client would send it. */
export function rawRpc(name: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${inject('supabaseUrl')}/rest/v1/rpc/${name}`, {
    method: 'POST',
    headers: { apikey: inject('anonKey'), 'content-type': 'application/json', ...headers },
    body,
  })
}

export async function accessToken(client: SupabaseClient): Promise<string> {
  const { data } = await client.auth.getSession()
  return data.session!.access_token
}

/**
 * Runs SQL as PostgREST would for this actor (role and JWT claims set per transaction, then
 * rolled back): hosted Supabase also exposes tables at /rest/v1/{table}, which the local
 * gateway does not serve, so RLS and grants on the tables themselves are probed here.
 */
export async function asApiRole(actor: Actor, sql: string, params: unknown[] = []): Promise<{ rows: Record<string, unknown>[] } | { errorCode: string }> {
  const claims = actor === 'anon' ? { role: 'anon' } : { role: 'authenticated', sub: DEMO[actor].id, aud: 'authenticated' }
  return withDatabase(async (db) => {
    await db.query('begin')
    try {
      await db.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [claims.role, JSON.stringify(claims)])
      return { rows: (await db.query(sql, params)).rows }
    } catch (error) {
      return { errorCode: String((error as { code?: string }).code) }
    } finally {
      await db.query('rollback')
    }
  })
}

export function clientFactory(): (actor: Actor) => Promise<SupabaseClient> {
  const clients = new Map<Actor, Promise<SupabaseClient>>()
  return (actor) => {
    if (!clients.has(actor)) clients.set(actor, actor === 'anon' ? Promise.resolve(anonClient()) : signedInClient(DEMO[actor]))
    return clients.get(actor)!
  }
}
