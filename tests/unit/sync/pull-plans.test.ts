import { describe, expect, it } from 'vitest'
import { writeChange } from '~/db/local-writes'
import { PISOGNE_OBJECTIVES } from '~/domain/catalogue'
import { pullChanges } from '~/sync/pull'
import { aPlan, aSuccession } from '../plans/plan-factories'
import { useDeviceAndServer } from './factories'

describe('pulling plans and objectives', () => {
  const f = useDeviceAndServer()

  it('caches the plans and objectives the server sends, and drops a withdrawn draft objective', async () => {
    const { plans, objectives } = aSuccession()
    for (const plan of plans) f.server.serverWrite('plan', { ...plan })
    for (const objective of objectives) f.server.serverWrite('objective', { ...objective })
    await pullChanges(f.db, f.server, 50)
    expect((await f.db.plans.toArray()).map((p) => [p.id, p.status, p.inForceUntil])).toEqual([
      ['pisogne-2023-2025', 'superseded', '2025-12-31'],
      ['pisogne-2026-2028', 'adopted', null],
    ])
    expect(await f.db.objectives.where('planId').equals('pisogne-2026-2028').count()).toBe(PISOGNE_OBJECTIVES.length)
    expect((await f.db.objectives.get('pl-pattugliamento-2026'))?.continuesObjectiveId).toBe('pl-pattugliamento')

    f.server.serverWrite('objective', { id: 'pl-pattugliamento-2026' }, true)
    await pullChanges(f.db, f.server, 50)
    expect(await f.db.objectives.get('pl-pattugliamento-2026')).toBeUndefined()
    expect(await f.db.objectives.get('pl-pattugliamento')).toBeDefined()
  })

  it('stores an objective whose settings this device has not sent yet, and keeps those settings', async () => {
    const objective = PISOGNE_OBJECTIVES.find((o) => o.id === 'pl-pattugliamento')!
    const setting = { id: objective.id, baselineValue: 410, target: null, note: '', version: 0, updatedAt: '2026-12-01T10:00:00.000Z', deleted: false }
    await writeChange(f.db, { entity: 'objective_setting', op: 'insert', row: setting, data: { ...setting }, authorId: 'manager-1' })
    f.server.serverWrite('plan', { ...aPlan() })
    f.server.serverWrite('objective', { ...objective, title: 'Pattugliamento del territorio (rev.)' })
    const summary = await pullChanges(f.db, f.server, 50)
    expect(summary).toMatchObject({ stored: 2 })
    expect((await f.db.objectives.get(objective.id))?.title).toBe('Pattugliamento del territorio (rev.)')
    expect((await f.db.objectiveSettings.get(objective.id))?.baselineValue).toBe(410)
  })
})
