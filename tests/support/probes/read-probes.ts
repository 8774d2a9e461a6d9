import { expect } from 'vitest'
import type { PulledChange } from '~/domain/sync-protocol'
import { DEMO, withDatabase } from '../supabase-clients'
import { pullAll, type Probe } from './probe-kit'

type Member = Exclude<keyof typeof DEMO, 'admin'>

interface ObjectiveAreas {
  id: string
  area_id: string
  contributing_areas: string[]
}

/**
 * An oracle written from ARCHITECTURE.md §3, independent of the SQL helpers it checks: a user
 * reads what they authored and what belongs to objectives of their area or an area the PIAO
 * lists as contributing; the snow plan belongs to territorio. Plans and their objectives are read
 * by everybody once adopted (superseded ones too), drafts by admins only (docs/plans.md). A
 * photo's metadata is read with its entry, and never carries the photo's data.
 */
async function visibleTo(member: Member, pulled: PulledChange[]): Promise<(change: PulledChange) => boolean> {
  const area = DEMO[member].area
  const objectives = await withDatabase(async (db) => (await db.query<ObjectiveAreas>('select id, area_id, contributing_areas from public.objectives')).rows)
  const worksOn = new Set(objectives.filter((o) => o.area_id === area || o.contributing_areas.includes(area)).map((o) => o.id))
  const isPublished = (row: Record<string, unknown>) => row.status === 'adopted' || row.status === 'superseded'
  const publishedPlans = new Set(pulled.filter((c) => c.entity === 'plan' && c.row && isPublished(c.row)).map((c) => c.id))
  const readsEntry = (row: Record<string, unknown>) => row.authorId === DEMO[member].id || worksOn.has(String(row.objectiveId))
  // A work order is read with its report, a photo's metadata with its entry.
  const readReports = new Set(pulled.filter((c) => c.entity === 'entry' && c.row && readsEntry(c.row)).map((c) => c.id))
  return (change) => {
    const row = change.row ?? {}
    switch (change.entity) {
      case 'entry':
        return readsEntry(row)
      case 'work_order':
        return readReports.has(change.id)
      case 'entry_photo':
        return readReports.has(String(row.entryId))
      case 'programme':
        return worksOn.has(String(row.objectiveId))
      case 'objective_setting':
        return worksOn.has(change.id)
      case 'snow_route':
      case 'snow_event':
        return area === 'territorio'
      case 'plan':
        return isPublished(row)
      case 'objective':
        return publishedPlans.has(String(row.planId))
    }
  }
}

function pullProbe(member: Member): Probe {
  return {
    actor: member,
    attack: 'pulls every change (sync_pull to the end)',
    expected: 'only rows of objectives their area works on, their own, and the snow plan for territorio',
    async run(kit) {
      const changes = await pullAll(await kit.client(member))
      const mayRead = await visibleTo(member, changes)
      expect(changes.filter((change) => change.row !== null && !mayRead(change)).map((c) => `${c.entity}:${c.id}`)).toEqual([])
      expect(changes.filter((c) => c.entity === 'entry_photo' && c.row && 'data' in c.row).map((c) => c.id)).toEqual([])
      expect(changes.length).toBeGreaterThan(0)
    },
  }
}

function historyProbe(actor: Member, whose: string, target: 'workerSnowCount' | 'lockedEntry'): Probe {
  return {
    actor,
    attack: `reads the change history of ${whose} (entry_changes)`,
    expected: 'an empty history',
    async run(kit) {
      const { data, error } = await (await kit.client(actor)).rpc('entry_changes', { entry_id: kit.fixtures[target].entityId })
      expect(error).toBeNull()
      expect(data).toEqual([])
    },
  }
}

const pulledIds = async (kit: Parameters<Probe['run']>[0], actor: Member) => new Set((await pullAll(await kit.client(actor))).map((c) => c.id))

export const READ_PROBES: Probe[] = [
  ...(['officer', 'secondOfficer', 'policeManager', 'worker', 'territoryManager'] as const).map(pullProbe),
  {
    actor: 'officer',
    attack: 'pulls looking for the road crew’s snow-plan entries and routes',
    expected: 'neither the snow count nor any snow route arrives',
    async run(kit) {
      const ids = await pulledIds(kit, 'officer')
      expect(ids.has(kit.fixtures.workerSnowCount.entityId)).toBe(false)
      expect(ids.has(kit.fixtures.snowRouteId)).toBe(false)
    },
  },
  {
    actor: 'worker',
    attack: 'pulls looking for the police patrol counts and reports',
    expected: 'none of the police entries arrives',
    async run(kit) {
      const ids = await pulledIds(kit, 'worker')
      expect([kit.fixtures.officerCount.entityId, kit.fixtures.officerReport.entityId].filter((id) => ids.has(id))).toEqual([])
    },
  },
  {
    actor: 'officer',
    attack: 'asks objective_progress for the territorio area',
    expected: 'an empty list: no counts of objectives the police do not work on',
    async run(kit) {
      const { data, error } = await (await kit.client('officer')).rpc('objective_progress', { area: 'territorio' })
      expect(error).toBeNull()
      const ids = (data as { objectiveId: string }[]).map((row) => row.objectiveId)
      expect(ids.filter((id) => id !== 'terr-segnaletica')).toEqual([])
    },
  },
  historyProbe('officer', 'the road crew’s snow entry', 'workerSnowCount'),
  historyProbe('worker', 'a police entry a manager locked', 'lockedEntry'),
]
