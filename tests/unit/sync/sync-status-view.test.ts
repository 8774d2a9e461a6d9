import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { appDatabase } from '~/db/app-database'
import { createAppI18n } from '~/i18n'
import { FEATURE_MESSAGES } from '~/i18n/feature-messages'
import SyncStatusView from '~/features/sync-status/SyncStatusView.vue'
import { logEntriesOffline } from './factories'

async function settle(check: () => boolean): Promise<void> {
  // liveQuery answers asynchronously through IndexedDB; wait for it without a fixed sleep.
  for (let i = 0; i < 50 && !check(); i++) await flushPromises()
}

describe('sync status page', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    await appDatabase().outbox.clear()
  })
  afterEach(async () => {
    await appDatabase().outbox.clear()
    await appDatabase().entries.clear()
  })

  async function render() {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] })
    const wrapper = mount(SyncStatusView, { global: { plugins: [createAppI18n('it', FEATURE_MESSAGES), router] } })
    return wrapper
  }

  it('lists a rejected entry with the reason in plain words and a link to fix it', async () => {
    const [entry] = await logEntriesOffline(appDatabase(), 2)
    await appDatabase().outbox.where('entityId').equals(entry.id).modify({ state: 'rejected', rejectCode: 'invalid_payload' })
    const wrapper = await render()
    await settle(() => wrapper.findAll('[data-test="queued-change"]').length === 2)
    const attention = wrapper.get('[data-test="needs-attention"]')
    expect(attention.text()).toContain('Alcuni campi non sono validi')
    expect(attention.get('a').attributes('href')).toBe(`/campo/voce/${entry.id}`)
    expect(wrapper.get('[data-test="pending-list"]').findAll('li')).toHaveLength(1)
  })

  it('says an entry was refused because its plan is not in force on its date', async () => {
    const [entry] = await logEntriesOffline(appDatabase(), 1)
    await appDatabase().outbox.where('entityId').equals(entry.id).modify({ state: 'rejected', rejectCode: 'objective_not_in_force' })
    const wrapper = await render()
    await settle(() => wrapper.find('[data-test="needs-attention"]').exists())
    expect(wrapper.get('[data-test="needs-attention"]').text()).toContain("Il piano dell'obiettivo non è in vigore alla data della registrazione")
  })

  it('discards a rejected entry only after confirmation', async () => {
    const [entry] = await logEntriesOffline(appDatabase(), 1)
    await appDatabase().outbox.toCollection().modify({ state: 'rejected', rejectCode: 'forbidden' })
    const wrapper = await render()
    await settle(() => wrapper.find('[data-test="discard"]').exists())
    await wrapper.get('[data-test="discard"]').trigger('click')
    expect(await appDatabase().outbox.count()).toBe(1)
    await wrapper.get('[data-test="discard-yes"]').trigger('click')
    await settle(() => !wrapper.find('[data-test="needs-attention"]').exists())
    expect(await appDatabase().outbox.count()).toBe(0)
    expect(await appDatabase().entries.get(entry.id)).toBeUndefined()
  })
})
