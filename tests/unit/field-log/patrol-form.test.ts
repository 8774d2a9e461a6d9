import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { appDatabase } from '~/db/app-database'
import { blankPayload } from '~/features/field-log/form-fields'
import { DRAFT_DEBOUNCE_MS } from '~/features/field-log/composables/useEntryForm'
import { freshDevice, mountKindForm, OFFICER } from './mount-form'

const initial = () => ({
  ...blankPayload('patrol', '2026-11-26T10:00:00.000Z'),
  startedAt: '2026-11-26T08:00:00.000Z',
  endedAt: '2026-11-26T10:00:00.000Z',
  crew: [OFFICER.displayName],
})

const mountPatrolForm = () => mountKindForm({ kind: 'patrol', objectiveId: 'pl-pattugliamento', draftId: 'patrol', initial })

describe('patrol form', () => {
  beforeEach(freshDevice)

  it('saves the patrol and queues it for the server in one tap', async () => {
    const form = mountPatrolForm()
    await flushPromises()
    await form.find('input[type="text"]').setValue('Centro storico')
    await form.find('form').trigger('submit')
    await vi.waitFor(() => expect(form.emitted('saved')).toBeTruthy())
    const [saved] = await appDatabase().entries.toArray()
    expect(saved).toMatchObject({ kind: 'patrol', objectiveId: 'pl-pattugliamento', authorId: OFFICER.userId, version: 0 })
    expect(saved.payload).toMatchObject({ zone: 'Centro storico', crew: ['Agente Rossi'], checkpoints: 0 })
    expect(await appDatabase().outbox.where('entityId').equals(saved.id).count()).toBe(1)
    form.unmount()
  })

  it('shows the message next to an empty zone and saves nothing', async () => {
    const form = mountPatrolForm()
    await flushPromises()
    await form.find('form').trigger('submit')
    await vi.waitFor(() => expect(form.text()).toContain('Campo obbligatorio'))
    const zone = form.find('input[type="text"]')
    expect(zone.attributes('aria-invalid')).toBe('true')
    expect(document.getElementById(zone.attributes('aria-describedby') as string)?.textContent).toBe('Campo obbligatorio')
    expect(await appDatabase().entries.count()).toBe(0)
    expect(await appDatabase().outbox.count()).toBe(0)
    form.unmount()
  })

  it('keeps what was typed as a draft and restores it after a reload', async () => {
    const first = mountPatrolForm()
    await flushPromises()
    await first.find('textarea').setValue('Auto sospetta in via Roma')
    await vi.waitFor(async () => expect((await appDatabase().drafts.get('patrol'))?.data.notes).toBe('Auto sospetta in via Roma'), {
      timeout: DRAFT_DEBOUNCE_MS * 5,
    })
    first.unmount()

    const reloaded = mountPatrolForm()
    await vi.waitFor(() => expect((reloaded.find('textarea').element as HTMLTextAreaElement).value).toBe('Auto sospetta in via Roma'))
    expect(reloaded.text()).toContain('Bozza ripristinata')
    reloaded.unmount()
  })

  it('drops the draft when the user cancels', async () => {
    await appDatabase().drafts.put({ id: 'patrol', data: { ...initial(), zone: 'Porto' }, updatedAt: '2026-11-26T10:00:00.000Z' })
    const form = mountPatrolForm()
    await flushPromises()
    const cancel = form.findAll('button').find((b) => b.text() === 'Annulla')
    await cancel?.trigger('click')
    await vi.waitFor(() => expect(form.emitted('cancel')).toBeTruthy())
    expect(await appDatabase().drafts.get('patrol')).toBeUndefined()
    form.unmount()
  })
})
