import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import EntryHistory from '~/features/entry-history/EntryHistory.vue'
import { fetchEntryChanges } from '~/features/entry-history/entry-history-api'
import { useProfileStore } from '~/features/profile/profile-store'
import { createAppI18n } from '~/i18n'
import { FEATURE_MESSAGES } from '~/i18n/feature-messages'
import { ServerRpcError } from '~/sync/server-rpc'

vi.mock('~/features/entry-history/entry-history-api', () => ({ fetchEntryChanges: vi.fn() }))
vi.mock('~/sync/profiles-api', () => ({ listProfiles: vi.fn(async () => { throw new Error('no names today') }) }))

async function render(mode: 'device' | 'synced') {
  const profile = useProfileStore()
  profile.mode = mode
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] })
  const wrapper = mount(EntryHistory, { props: { entryId: 'entry-1' }, global: { plugins: [createAppI18n('it', FEATURE_MESSAGES), router] } })
  await flushPromises()
  return wrapper
}

describe('the history section of the entry view', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.mocked(fetchEntryChanges).mockReset()
  })

  it('in device-only mode says the history is on the server, and asks nothing', async () => {
    const wrapper = await render('device')
    expect(wrapper.text()).toContain('in modalità solo dispositivo non è disponibile')
    expect(fetchEntryChanges).not.toHaveBeenCalled()
  })

  it('when the server does not answer, says so in words and nothing else', async () => {
    vi.mocked(fetchEntryChanges).mockRejectedValue(new ServerRpcError('failed', 'entry_changes: boom'))
    const wrapper = await render('synced')
    expect(wrapper.get('[role="alert"]').text()).toBe('Non è stato possibile leggere la cronologia. Riprova più tardi.')
    expect(wrapper.findAll('li')).toHaveLength(0)
  })

  it('lists the changes, naming nobody it cannot name when the names do not come', async () => {
    vi.mocked(fetchEntryChanges).mockResolvedValue([
      { field: 'workOrder.priority', version: 2, oldValue: 'normal', newValue: 'high', reason: 'edit', changedBy: 'someone', changedAt: '2026-12-04T20:40:00Z' },
    ])
    const wrapper = await render('synced')
    expect(wrapper.get('[data-test="history-change"]').text()).toContain('Priorità: Normale → Alta')
    expect(wrapper.text()).toContain('un altro utente')
  })
})
