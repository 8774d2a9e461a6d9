import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { appDatabase } from '~/db/app-database'
import { useFieldLogStore } from '~/features/field-log/field-log-store'
import { blankPayload } from '~/features/field-log/form-fields'
import { afterTheNewPlanArrived } from '../plans/plan-factories'
import { freshDevice, mountKindForm, OFFICER } from './mount-form'

const patrolOn = (startedAt: string, endedAt: string) => () => ({
  ...blankPayload('patrol', endedAt),
  startedAt,
  endedAt,
  zone: 'Centro storico',
  crew: [OFFICER.displayName],
})

describe('an entry and the plan in force on its day', () => {
  beforeEach(freshDevice)

  it('says no plan was in force on that day and saves nothing', async () => {
    const form = mountKindForm({ kind: 'patrol', draftId: 'patrol', initial: patrolOn('2022-11-05T08:00:00.000Z', '2022-11-05T10:00:00.000Z') })
    await flushPromises()
    await form.find('form').trigger('submit')
    await vi.waitFor(() => expect(form.find('[data-test="save-failure"]').exists()).toBe(true), { timeout: 10_000 })
    expect(form.get('[data-test="save-failure"]').text()).toBe('Nessun piano in vigore il 05/11/2022: la registrazione non è stata salvata. Controlla la data.')
    expect(form.emitted('saved')).toBeUndefined()
    expect(await appDatabase().entries.count()).toBe(0)
    expect(await appDatabase().outbox.count()).toBe(0)
    form.unmount()
  })

  it('files a patrol under the objective of the plan in force on the day it started', async () => {
    await afterTheNewPlanArrived()
    const store = useFieldLogStore()
    const before = await store.create('patrol', null, patrolOn('2025-12-31T21:00:00.000Z', '2025-12-31T22:30:00.000Z')())
    const after = await store.create('patrol', null, patrolOn('2026-03-02T08:00:00.000Z', '2026-03-02T10:00:00.000Z')())
    expect(before.ok && before.entry.objectiveId).toBe('pl-pattugliamento')
    expect(after.ok && after.entry.objectiveId).toBe('pl-pattugliamento-2026')
  })

  it('refuses an office update for an objective of a superseded plan, and a date moved out of its plan', async () => {
    await afterTheNewPlanArrived()
    const store = useFieldLogStore()
    const refused = await store.create('count_update', 'fin-imu-tari', { quantity: 5, total: null, note: '' })
    expect(refused).toMatchObject({ ok: false, failure: 'no_plan_in_force' })
    const patrol = await store.create('patrol', null, patrolOn('2025-11-03T08:00:00.000Z', '2025-11-03T10:00:00.000Z')())
    if (!patrol.ok) throw new Error('the patrol was not saved')
    const moved = await store.edit(patrol.entry, patrolOn('2026-01-15T08:00:00.000Z', '2026-01-15T10:00:00.000Z')())
    expect(moved).toMatchObject({ ok: false, failure: 'no_plan_in_force', day: '2026-01-15' })
    expect((await appDatabase().entries.get(patrol.entry.id))?.occurredAt).toBe('2025-11-03T08:00:00.000Z')
    expect(await appDatabase().entries.count()).toBe(1)
  })
})
