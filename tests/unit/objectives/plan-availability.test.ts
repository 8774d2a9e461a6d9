import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { appDatabase } from '~/db/app-database'
import { SYNC_META } from '~/db/sync-meta'
import { useObjectivesStore } from '~/features/objectives/objectives-store'
import PlanNotice from '~/features/objectives/PlanNotice.vue'
import { createAppI18n } from '~/i18n'
import { aPlan } from '../plans/plan-factories'

// A synced build: Supabase is configured, so no plan is bundled.
vi.mock('~/sync/sync-config', () => ({ isSyncConfigured: () => true }))

function renderNotice() {
  return mount(PlanNotice, { global: { plugins: [createAppI18n('it')] } })
}

describe('a synced device and its plan', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    await Promise.all(appDatabase().tables.map((table) => table.clear()))
  })

  it('installs no bundled plan and says a first sync must bring it', async () => {
    const store = useObjectivesStore()
    await store.load()
    expect(await appDatabase().plans.count()).toBe(0)
    expect(await appDatabase().objectives.count()).toBe(0)
    expect(store.availability).toBe('needs_sync')
    const notice = renderNotice()
    await flushPromises()
    expect(notice.text()).toBe('Serve una sincronizzazione per scaricare il piano: collegati alla rete e accedi.')
  })

  it('says no plan is adopted once a sync brought none, and shows the plan a later sync brings', async () => {
    const store = useObjectivesStore()
    await store.load()
    await appDatabase().meta.put({ key: SYNC_META.cursor, value: '42' })
    await vi.waitFor(() => expect(store.availability).toBe('no_plan'), { timeout: 10_000 })
    expect(renderNotice().text()).toBe('Nessun piano adottato: chiedi all’amministratore di adottarne uno.')
    await appDatabase().plans.put({ ...aPlan(), version: 1 })
    await vi.waitFor(() => expect(store.availability).toBe('ready'), { timeout: 10_000 })
    expect(store.plan?.demo).toBeUndefined()
  })
})
