import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createAppI18n } from '~/i18n'
import OfflineReadyNotice from '~/pwa/OfflineReadyNotice.vue'
import { OFFLINE_NOTICE_MS, useServiceWorkerStore } from '~/pwa/service-worker-store'

vi.mock('virtual:pwa-register/vue', () => ({
  useRegisterSW: () => ({ needRefresh: ref(false), offlineReady: ref(false), updateServiceWorker: vi.fn() }),
}))

describe('"ready to work offline" notice', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    setActivePinia(createPinia())
  })
  afterEach(() => vi.useRealTimers())

  async function shown() {
    const wrapper = mount(OfflineReadyNotice, { global: { plugins: [createAppI18n('it')] } })
    useServiceWorkerStore().offlineNotice = true
    await wrapper.vm.$nextTick()
    return wrapper
  }

  it('is announced politely, in one line with no button that could make it taller than the status strip', async () => {
    const notice = (await shown()).get('[data-test="offline-ready"]')
    expect(notice.attributes('role')).toBe('status')
    expect(notice.text()).toBe('Pronto per lavorare offline')
    expect(notice.findAll('button')).toHaveLength(0)
  })

  it('goes away by itself once there was time to read it', async () => {
    const wrapper = await shown()
    await vi.advanceTimersByTimeAsync(OFFLINE_NOTICE_MS - 1)
    expect(wrapper.find('[data-test="offline-ready"]').exists()).toBe(true)
    await vi.advanceTimersByTimeAsync(1)
    expect(wrapper.find('[data-test="offline-ready"]').exists()).toBe(false)
  })
})
