import { expect } from 'vitest'
import { planFile } from '../plan-files'
import { withDatabase } from '../supabase-clients'
import type { Actor, Probe } from './probe-kit'

/** The plan RPCs (docs/plans.md) with arguments that would succeed for an admin. */
const PLAN_RPCS: Record<string, Record<string, unknown>> = {
  import_plan: { plan: planFile('probe-2031-2033', 2031, 'probe') },
  adopt_plan: { plan_id: 'pisogne-2023-2025', act: 'Delibera abusiva', adopted_on: '2026-01-01', confirm: true },
  delete_plan_draft: { plan_id: 'pisogne-2023-2025' },
}

async function plansAsStored(): Promise<unknown[]> {
  return withDatabase(async (db) => (await db.query('select id, status, version, in_force_until from public.plans order by id')).rows)
}

function planRpcProbe(actor: Actor, name: string): Probe {
  return {
    actor,
    attack: `calls ${name}`,
    expected: `${actor === 'anon' ? 401 : 403} with error 42501, no data, the plans unchanged`,
    async run(kit) {
      const before = await plansAsStored()
      const { data, error, status } = await (await kit.client(actor)).rpc(name, PLAN_RPCS[name])
      expect(status).toBe(actor === 'anon' ? 401 : 403)
      expect(error).toMatchObject({ code: '42501' })
      expect(data).toBeNull()
      expect(await plansAsStored()).toEqual(before)
    },
  }
}

const NOT_ADMINS: Actor[] = ['anon', 'officer', 'worker', 'policeManager', 'territoryManager']

export const PLAN_ADMIN_PROBES: Probe[] = NOT_ADMINS.flatMap((actor) => Object.keys(PLAN_RPCS).map((name) => planRpcProbe(actor, name)))
