import { randomUUID } from 'node:crypto'
import type { SupabaseClient } from '@supabase/supabase-js'
import { describe, expect, it } from 'vitest'
import type { Mutation, MutationResult, PullPage } from '~/domain/sync-protocol'
import { DEMO, anonClient, signedInClient, type DemoAccount } from '../support/supabase-clients'

/** A count_update entry as the device's outbox would push it. */
function countUpdate(author: DemoAccount, objectiveId: string): Mutation {
  const entityId = randomUUID()
  return {
    id: randomUUID(),
    entity: 'entry',
    op: 'insert',
    entityId,
    baseVersion: 0,
    data: { id: entityId, objectiveId, kind: 'count_update', payload: { quantity: 2 }, occurredAt: new Date().toISOString() },
    authorId: author.id,
    createdAt: new Date().toISOString(),
  }
}

async function push(client: SupabaseClient, mutation: Mutation): Promise<MutationResult> {
  const { data, error } = await client.rpc('sync_push', { mutations: [mutation] })
  expect(error).toBeNull()
  return (data as MutationResult[])[0]!
}

/** Every entry id the user may pull, following the cursor to the end. */
async function pulledEntryIds(client: SupabaseClient): Promise<Set<string>> {
  const ids = new Set<string>()
  let cursor = ''
  for (;;) {
    const { data, error } = await client.rpc('sync_pull', { cursor, lim: 200 })
    expect(error).toBeNull()
    const page = data as PullPage
    for (const change of page.changes) if (change.entity === 'entry') ids.add(change.id)
    if (!page.hasMore) return ids
    cursor = page.cursor
  }
}

describe('local gateway: RLS applies to RPCs as on hosted Supabase', () => {
  it('lets an officer pull the police entries but not the road crew’s, and the road-crew worker the reverse', async () => {
    const officer = await signedInClient(DEMO.officer)
    const worker = await signedInClient(DEMO.worker)
    const patrolCount = countUpdate(DEMO.officer, 'pl-pattugliamento')
    const snowCount = countUpdate(DEMO.worker, 'terr-piano-neve')
    expect(await push(officer, patrolCount)).toMatchObject({ status: 'applied' })
    expect(await push(worker, snowCount)).toMatchObject({ status: 'applied' })

    const officerSees = await pulledEntryIds(officer)
    const workerSees = await pulledEntryIds(worker)
    const colleagueSees = await pulledEntryIds(await signedInClient(DEMO.secondOfficer))
    expect(officerSees.has(patrolCount.entityId)).toBe(true)
    expect(officerSees.has(snowCount.entityId)).toBe(false)
    expect(workerSees.has(snowCount.entityId)).toBe(true)
    expect(workerSees.has(patrolCount.entityId)).toBe(false)
    expect(colleagueSees.has(patrolCount.entityId)).toBe(true)
  })

  it('refuses sync_pull to the anon key alone (401, 42501)', async () => {
    const { data, error, status } = await anonClient().rpc('sync_pull', {})
    expect(data).toBeNull()
    expect(status).toBe(401)
    expect(error).toMatchObject({ code: '42501' })
  })

  it('answers a garbage cursor with 400 and the invalid_cursor error', async () => {
    const officer = await signedInClient(DEMO.officer)
    const { error, status } = await officer.rpc('sync_pull', { cursor: 'not-a-cursor' })
    expect(status).toBe(400)
    expect(error).toMatchObject({ code: '22023', message: 'invalid_cursor' })
  })
})
