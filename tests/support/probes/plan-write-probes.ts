import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import type { RejectCode, SyncEntity } from '~/domain/sync-protocol'
import { DEMO } from '../supabase-clients'
import { expectRejected, insertMutation, pushOne, storedRow, updateMutation, type Probe } from './probe-kit'

type Member = keyof typeof DEMO

/** Plan data: what managers and admins own (entries and work orders have probes of their own). */
const TABLES: Record<Exclude<SyncEntity, 'entry' | 'work_order'>, string> = {
  snow_route: 'snow_routes',
  snow_event: 'snow_events',
  programme: 'programmes',
  objective_setting: 'objective_settings',
}

/** Creating plan data the actor does not manage: rejected, and no row appears. */
function createProbe(actor: Member, entity: keyof typeof TABLES, what: string, data: Record<string, unknown>, entityId: () => string = randomUUID): Probe {
  return {
    actor,
    attack: `creates ${what}`,
    expected: 'rejected forbidden, nothing stored',
    async run(kit) {
      const id = entityId()
      const before = await storedRow(TABLES[entity], id)
      expectRejected(await pushOne(await kit.client(actor), insertMutation(actor, entity, data, id)), 'forbidden')
      expect(await storedRow(TABLES[entity], id)).toEqual(before)
    },
  }
}

function editSnowRouteProbe(actor: Member, why: string, codes: RejectCode[]): Probe {
  return {
    actor,
    attack: `renames and deactivates a snow route of the territorio plan (${why})`,
    expected: `rejected ${codes.join(' or ')}, the route unchanged`,
    async run(kit) {
      const before = await storedRow('snow_routes', kit.fixtures.snowRouteId)
      const mutation = updateMutation(actor, 'snow_route', kit.fixtures.snowRouteId, { name: 'hijacked', active: false }, Number(before?.version))
      expectRejected(await pushOne(await kit.client(actor), mutation), ...codes)
      expect(await storedRow('snow_routes', kit.fixtures.snowRouteId)).toEqual(before)
    },
  }
}

const snowEvent = { name: 'Nevicata finta', startedAt: '2026-02-01T05:00:00.000Z' }

export const PLAN_WRITE_PROBES: Probe[] = [
  createProbe('officer', 'objective_setting', 'a baseline and target for pl-pattugliamento (own area, not a manager)', { baselineValue: 0, target: 1 }, () => 'pl-pattugliamento'),
  createProbe('policeManager', 'objective_setting', 'a target for terr-piano-neve (a manager of another area)', { target: 0 }, () => 'terr-piano-neve'),
  createProbe('territoryManager', 'objective_setting', 'a target for pl-turni-serali (a manager of another area)', { target: 0 }, () => 'pl-turni-serali'),
  createProbe('territoryManager', 'programme', 'a monthly programme of evening shifts for the police', { objectiveId: 'pl-turni-serali', month: '2026-03', planned: 0 }),
  createProbe('officer', 'programme', 'a monthly programme for their own area (not a manager)', { objectiveId: 'pl-turni-serali', month: '2026-04', planned: 30 }),
  createProbe('policeManager', 'snow_event', 'a snow event (the snow plan is territorio’s)', snowEvent),
  createProbe('worker', 'snow_event', 'a snow event (territorio, but not a manager)', snowEvent),
  createProbe('policeManager', 'snow_route', 'a snow route (the snow plan is territorio’s)', { name: 'Via abusiva', priority: 1 }),
  editSnowRouteProbe('policeManager', 'cannot even read it', ['not_found', 'forbidden']),
  editSnowRouteProbe('worker', 'reads it, not a manager', ['forbidden']),
  {
    actor: 'policeManager',
    attack: 'inserts with the id of a territorio snow route (id squatting)',
    expected: 'rejected forbidden, the route unchanged',
    async run(kit) {
      const before = await storedRow('snow_routes', kit.fixtures.snowRouteId)
      const mutation = insertMutation('policeManager', 'snow_route', { name: 'hijacked', priority: 1 }, kit.fixtures.snowRouteId)
      expectRejected(await pushOne(await kit.client('policeManager'), mutation), 'forbidden', 'not_found')
      expect(await storedRow('snow_routes', kit.fixtures.snowRouteId)).toEqual(before)
    },
  },
]
