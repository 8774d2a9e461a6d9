import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { appDatabase } from '~/db/app-database'
import type { MaintenanceReportPayload } from '~/domain/entry-payloads'
import { useFieldLogStore } from '~/features/field-log/field-log-store'
import { blankPayload } from '~/features/field-log/form-fields'
import { useProfileStore } from '~/features/profile/profile-store'
import { freshDevice, mountKindForm, OFFICER } from './mount-form'

const mountReportForm = () =>
  mountKindForm({
    kind: 'maintenance_report',
    objectiveId: 'terr-segnaletica',
    draftId: 'new:maintenance_report',
    initial: () => blankPayload('maintenance_report', new Date().toISOString()) as unknown as Record<string, unknown>,
  })

describe('maintenance report form', () => {
  beforeEach(freshDevice)

  it('saves an open report with its category, description and place', async () => {
    const form = mountReportForm()
    await flushPromises()
    const category = form.findAll('select').find((select) => select.find('option[value="road_surface"]').exists())
    await category?.setValue('road_surface')
    await form.find('textarea').setValue('Buca profonda')
    await form.find('input[type="text"]').setValue('Via Roma 3')
    await form.find('form').trigger('submit')
    await vi.waitFor(() => expect(form.emitted('saved')).toBeTruthy())
    const [saved] = await appDatabase().entries.toArray()
    expect(saved).toMatchObject({ kind: 'maintenance_report', status: 'open' })
    // Logged by the crew that saw it: the channel starts as the field, and no reporter's contact is asked.
    expect(saved.payload).toMatchObject({ category: 'road_surface', description: 'Buca profonda', place: 'Via Roma 3', resolvedAt: null, channel: 'field' })
    expect(saved.payload).not.toHaveProperty('reporter')
    form.unmount()
  })

  it('marks every empty required field and writes nothing', async () => {
    const form = mountReportForm()
    await flushPromises()
    await form.find('form').trigger('submit')
    await vi.waitFor(() => expect(form.findAll('.field__error')).toHaveLength(3))
    expect(await appDatabase().entries.count()).toBe(0)
    expect(await appDatabase().outbox.count()).toBe(0)
    form.unmount()
  })

  it('offers the position only on request, with no reading before the button is pressed', async () => {
    const getCurrentPosition = vi.fn()
    const watchPosition = vi.fn()
    vi.stubGlobal('navigator', { ...navigator, geolocation: { getCurrentPosition, watchPosition } })
    const form = mountReportForm()
    await flushPromises()
    expect(getCurrentPosition).not.toHaveBeenCalled()
    await form.findAll('button').find((b) => b.text() === 'Usa la mia posizione')?.trigger('click')
    expect(form.text()).toContain('Rilevamento posizione in corso…')
    const [onSuccess] = getCurrentPosition.mock.calls[0] as [PositionCallback]
    onSuccess({ coords: { latitude: 45.8, longitude: 10.1, accuracy: 80 } } as GeolocationPosition)
    await flushPromises()
    expect(form.text()).toContain('Precisione: ± 80 m')
    expect(form.text()).toContain('oltre 50 m')
    expect(watchPosition).not.toHaveBeenCalled()
    vi.unstubAllGlobals()
    form.unmount()
  })
})

describe('report workflow', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    await Promise.all(appDatabase().tables.map((table) => table.clear()))
    useProfileStore().setProfile({ ...OFFICER })
  })

  it('moves a report open → in progress → resolved, recording when, each as an outbox update', async () => {
    const store = useFieldLogStore()
    const created = await store.create('maintenance_report', 'terr-segnaletica', {
      ...blankPayload('maintenance_report', '2026-11-20T08:00:00.000Z'),
      category: 'signage',
      description: 'Stop piegato',
      place: 'Via Roma',
    })
    if (!created.ok) throw new Error('report not saved')
    const taken = await store.setReportStatus(created.entry, 'in_progress')
    const resolved = await store.setReportStatus(taken, 'resolved')
    expect(resolved.status).toBe('resolved')
    expect((resolved.payload as unknown as MaintenanceReportPayload).resolvedAt).not.toBeNull()
    const updates = await appDatabase().outbox.where('entityId').equals(created.entry.id).toArray()
    expect(updates.map((m) => [m.op, m.data.status])).toEqual([
      ['insert', 'open'],
      ['update', 'in_progress'],
      ['update', 'resolved'],
    ])
    expect(store.openReports).toHaveLength(0)
  })

  it('lets only the author edit an unlocked entry', async () => {
    const store = useFieldLogStore()
    const created = await store.create('count_update', 'fin-imu-tari', { quantity: 5, total: null, note: '' })
    if (!created.ok) throw new Error('not saved')
    expect((await store.edit({ ...created.entry, locked: true }, { quantity: 6, total: null, note: '' })).ok).toBe(false)
    const edited = await store.edit(created.entry, { quantity: 6, total: null, note: '' })
    expect(edited.ok).toBe(true)
    const [, update] = await appDatabase().outbox.where('entityId').equals(created.entry.id).toArray()
    expect(update).toMatchObject({ op: 'update', baseVersion: 0, data: { payload: { quantity: 6, total: null, note: '' } } })
  })
})
