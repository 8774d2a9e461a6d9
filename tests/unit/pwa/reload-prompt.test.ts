import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createAppI18n } from '~/i18n'
import { registerUnsavedCheck } from '~/pwa/unsaved-guard'
import ReloadPrompt from '~/pwa/ReloadPrompt.vue'
import { useServiceWorkerStore } from '~/pwa/service-worker-store'

const sw = vi.hoisted(() => ({ updateServiceWorker: vi.fn(async () => undefined) }))
vi.mock('virtual:pwa-register/vue', () => ({
  useRegisterSW: () => ({ needRefresh: ref(true), offlineReady: ref(false), updateServiceWorker: sw.updateServiceWorker }),
}))

function mountPrompt() {
  return mount(ReloadPrompt, { global: { plugins: [createAppI18n('it')] } })
}

describe('update prompt', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    sw.updateServiceWorker.mockClear()
  })

  it('offers the new version and updates when asked', async () => {
    const wrapper = mountPrompt()
    expect(wrapper.text()).toContain('Nuova versione disponibile')
    await wrapper.findAll('button').find((b) => b.text() === 'Aggiorna')!.trigger('click')
    expect(sw.updateServiceWorker).toHaveBeenCalledOnce()
  })

  it('refuses to update while a form has unsaved input, and says why', async () => {
    const unregister = registerUnsavedCheck(() => true)
    const wrapper = mountPrompt()
    const update = wrapper.findAll('button').find((b) => b.text() === 'Aggiorna')!
    expect(update.attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('Salva o annulla il modulo aperto prima di aggiornare')
    await update.trigger('click')
    expect(sw.updateServiceWorker).not.toHaveBeenCalled()
    unregister()
  })

  it('goes away until the next check when postponed', async () => {
    const wrapper = mountPrompt()
    await wrapper.findAll('button').find((b) => b.text() === 'Più tardi')!.trigger('click')
    expect(wrapper.text()).not.toContain('Nuova versione disponibile')
  })

  it('is not where the "ready for offline" notice shows: that one never floats over the page', async () => {
    const wrapper = mountPrompt()
    useServiceWorkerStore().postpone()
    useServiceWorkerStore().offlineNotice = true
    await wrapper.vm.$nextTick()
    expect(wrapper.find('.pwa-prompts').exists()).toBe(false)
  })
})
