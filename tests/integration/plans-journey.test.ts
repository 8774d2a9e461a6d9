import { randomUUID } from 'node:crypto'
import type { SupabaseClient } from '@supabase/supabase-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mutation, MutationResult } from '~/domain/sync-protocol'
import { startStack, type Stack } from '../../supabase/local/stack'
import { planFile, withNewArea } from '../support/plan-files'
import { pullAll } from '../support/probes/probe-kit'
import { DEMO, signedInClient } from '../support/supabase-clients'

/**
 * Issue 12 on the real stack with supabase-js: the admin imports and adopts the 2026–2028 plan,
 * with an area the 2023–2025 one did not have; the officer's device pulls it and logs against it;
 * the area manager's figures count it. Its own stack: adopting a plan changes what every later
 * test of the shared one could log.
 */
const PLAN_ID = 'pisogne-2026-2028'
const base = planFile(PLAN_ID, 2026, 'p26')
const FILE = withNewArea(base, 'protezione_civile', 'p26-pc-allerta-meteo', base.objectives.find((o) => o.id === 'p26-pl-pattugliamento')!)
FILE.objectives = FILE.objectives.map((o) => (o.id === 'p26-pl-pattugliamento' ? { ...o, continuesObjectiveId: 'pl-pattugliamento' } : o))

let stack: Stack
const clients = new Map<keyof typeof DEMO, Promise<SupabaseClient>>()
const as = (member: keyof typeof DEMO) => {
  if (!clients.has(member)) clients.set(member, signedInClient(DEMO[member], stack.supabaseUrl, stack.anonKey))
  return clients.get(member)!
}

beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack?.stop())

/** A patrol of the last half hour, as the field log queues it. */
function patrolNow(objectiveId: string): Mutation {
  const ended = new Date()
  const started = new Date(ended.getTime() - 30 * 60_000)
  const id = randomUUID()
  const payload = {
    startedAt: started.toISOString(), endedAt: ended.toISOString(), zone: 'Lungolago', crew: ['Agente Bianchi'], checkpoints: 1,
    violations: { noInsurance: 0, noInspection: 0, liens: 0, municipalRules: 0 }, notes: '', location: null,
  }
  return {
    id: randomUUID(), entity: 'entry', op: 'insert', entityId: id, baseVersion: 0, authorId: DEMO.officer.id, createdAt: ended.toISOString(),
    data: { id, objectiveId, kind: 'patrol', payload, occurredAt: started.toISOString() },
  }
}

const romeYear = () => Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Rome', year: 'numeric' }).format(new Date()))

describe('a new plan from import to the field', () => {
  it('is a draft the officer does not see until the admin adopts it, after a preview', async () => {
    const admin = await as('admin')
    const imported = await admin.rpc('import_plan', { plan: FILE })
    expect(imported.error).toBeNull()
    expect(imported.data).toEqual({ status: 'imported', planId: PLAN_ID, objectives: 30 })
    expect((await pullAll(await as('officer'))).filter((c) => c.id === PLAN_ID || c.id.startsWith('p26-'))).toEqual([])

    const args = { plan_id: PLAN_ID, act: 'Delibera G.C. n. 21 del 10.02.2026', adopted_on: '2026-02-10' }
    const preview = await admin.rpc('adopt_plan', args)
    expect(preview.data).toEqual({
      status: 'preview', planId: PLAN_ID, inForceFrom: '2026-01-01',
      supersedes: [{ planId: 'pisogne-2023-2025', title: base.plan.title, inForceUntil: '2025-12-31' }],
    })
    const adopted = await admin.rpc('adopt_plan', { ...args, confirm: true })
    expect(adopted.data).toMatchObject({ status: 'adopted', inForceFrom: '2026-01-01' })
  })

  it('reaches the officer\'s device with its new area, its objectives and the superseded plan', async () => {
    const changes = await pullAll(await as('officer'))
    const plans = new Map(changes.filter((c) => c.entity === 'plan').map((c) => [c.id, c.row!]))
    expect(plans.get(PLAN_ID)).toMatchObject({
      status: 'adopted', municipality: 'Comune di Pisogne', istatCode: '017143', inForceFrom: '2026-01-01', inForceUntil: null,
      approvedBy: 'Delibera G.C. n. 21 del 10.02.2026',
    })
    expect((plans.get(PLAN_ID)!.areas as { id: string }[]).map((a) => a.id)).toContain('protezione_civile')
    expect(plans.get('pisogne-2023-2025')).toMatchObject({ status: 'superseded', inForceUntil: '2025-12-31' })
    const objectives = changes.filter((c) => c.entity === 'objective' && c.row?.planId === PLAN_ID)
    expect(objectives).toHaveLength(30)
    expect(objectives.find((c) => c.id === 'p26-pc-allerta-meteo')?.row).toMatchObject({ areaId: 'protezione_civile' })
    expect(objectives.find((c) => c.id === 'p26-pl-pattugliamento')?.row).toMatchObject({ continuesObjectiveId: 'pl-pattugliamento' })
  })

  it('takes today\'s patrol for the new objective, refuses one for the superseded plan, and the manager counts it', async () => {
    const officer = await as('officer')
    const { data, error } = await officer.rpc('sync_push', { mutations: [patrolNow('p26-pl-pattugliamento'), patrolNow('pl-pattugliamento')] })
    expect(error).toBeNull()
    const [applied, refused] = data as MutationResult[]
    expect(applied).toMatchObject({ status: 'applied' })
    expect(refused).toMatchObject({ status: 'rejected', code: 'objective_not_in_force' })

    const year = romeYear()
    const progress = await (await as('policeManager')).rpc('objective_progress', {
      area: 'polizia_locale', since: `${year}-01-01T00:00:00+01:00`, until: `${year + 1}-01-01T00:00:00+01:00`,
    })
    expect(progress.error).toBeNull()
    const figures = new Map((progress.data as { objectiveId: string; entries: number }[]).map((row) => [row.objectiveId, row.entries]))
    expect(figures.get('p26-pl-pattugliamento')).toBe(1)
    expect(figures.get('pl-pattugliamento')).toBe(0)
  })
})
