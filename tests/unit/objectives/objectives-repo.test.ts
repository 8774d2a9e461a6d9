import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type SulCampoDb } from '~/db/database'
import { installDemoPlan } from '~/db/objectives-repo'
import { anObjective, aPlan } from './objective-factory'

describe('objectives repository', () => {
  let db: SulCampoDb
  beforeEach(() => {
    db = openDatabase(`test-${crypto.randomUUID()}`)
  })
  afterEach(async () => {
    await db.delete()
  })

  const plan = aPlan()
  const first = [anObjective({ id: 'a', title: 'Primo' }), anObjective({ id: 'b', title: 'Secondo' })]

  it('loads the bundled demo plan on first start and not again for the same version', async () => {
    await expect(installDemoPlan(db, plan, first)).resolves.toBe('installed')
    await db.objectives.update('a', { title: 'changed on the device' })
    await expect(installDemoPlan(db, plan, first)).resolves.toBe('up-to-date')
    expect((await db.objectives.get('a'))?.title).toBe('changed on the device')
    expect(await db.objectives.where('planId').equals(plan.id).count()).toBe(2)
    expect(await db.plans.get(plan.id)).toMatchObject({ id: plan.id, demo: true, status: 'adopted' })
  })

  it('replaces the plan’s rows when a new catalogue version arrives, leaving other plans alone', async () => {
    const other = anObjective({ id: 'other', planId: 'plan-other' })
    await installDemoPlan(db, aPlan({ id: 'plan-other' }), [other])
    await installDemoPlan(db, plan, first)

    const revised = [anObjective({ id: 'a', title: 'Primo, riveduto' }), anObjective({ id: 'c', title: 'Terzo' })]
    await expect(installDemoPlan(db, plan, revised)).resolves.toBe('installed')

    const rows = await db.objectives.where('planId').equals(plan.id).toArray()
    expect(rows.map((o) => [o.id, o.title]).sort()).toEqual([
      ['a', 'Primo, riveduto'],
      ['c', 'Terzo'],
    ])
    expect(await db.objectives.get('other')).toEqual(other)
  })
})
