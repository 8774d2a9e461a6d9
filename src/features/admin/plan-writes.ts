import type { Entry } from '~/domain/entry'
import type { ObjectiveSetting, Programme, SnowRoute } from '~/domain/plan-data'
import { writeAndSync } from '~/sync/sync-runtime'

/**
 * Changes a manager makes to the plan's data. Each goes through writeChange (row + outbox
 * mutation in one transaction) and then syncs like any field entry.
 */

type SettingPatch = Partial<Pick<ObjectiveSetting, 'baselineValue' | 'target' | 'note'>>

function stamp<T extends { updatedAt: string }>(row: T): T {
  return { ...row, updatedAt: new Date().toISOString() }
}

export async function saveSetting(current: ObjectiveSetting | undefined, objectiveId: string, patch: SettingPatch, authorId: string): Promise<ObjectiveSetting> {
  const blank: ObjectiveSetting = { id: objectiveId, baselineValue: null, target: null, note: '', version: 0, updatedAt: '', deleted: false }
  const row = stamp({ ...(current ?? blank), ...patch })
  await writeAndSync({ entity: 'objective_setting', op: current ? 'update' : 'insert', row, data: current ? { ...patch } : { ...row }, authorId })
  return row
}

export async function saveProgramme(current: Programme | undefined, objectiveId: string, month: string, planned: number, authorId: string): Promise<Programme> {
  const blank: Programme = { id: crypto.randomUUID(), objectiveId, month, planned, version: 0, updatedAt: '', deleted: false }
  const row = stamp({ ...(current ?? blank), planned })
  await writeAndSync({ entity: 'programme', op: current ? 'update' : 'insert', row, data: current ? { planned } : { ...row }, authorId })
  return row
}

type RoutePatch = Pick<SnowRoute, 'name' | 'description' | 'priority' | 'active'>

export async function saveRoute(current: SnowRoute | undefined, patch: RoutePatch, authorId: string): Promise<SnowRoute> {
  const blank: SnowRoute = { id: crypto.randomUUID(), ...patch, version: 0, updatedAt: '', deleted: false }
  const row = stamp({ ...(current ?? blank), ...patch })
  await writeAndSync({ entity: 'snow_route', op: current ? 'update' : 'insert', row, data: current ? { ...patch } : { ...row }, authorId })
  return row
}

/** After review an entry is locked: its author can no longer change it (the server enforces it too). */
export async function lockEntry(entry: Entry, authorId: string): Promise<Entry> {
  const row = stamp({ ...entry, locked: true })
  await writeAndSync({ entity: 'entry', op: 'update', row, data: { locked: true }, authorId })
  return row
}
