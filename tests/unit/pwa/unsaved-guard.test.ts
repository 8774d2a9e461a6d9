import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { hasUnsavedInput, registerUnsavedCheck, useUnsavedGuard } from '~/pwa/unsaved-guard'

describe('unsaved input guard', () => {
  it('is dirty while any registered form has unsaved input, and follows the form as it changes', () => {
    const dirty = ref(false)
    const unregister = registerUnsavedCheck(() => dirty.value)
    const clean = registerUnsavedCheck(() => false)
    expect(hasUnsavedInput.value).toBe(false)
    dirty.value = true
    expect(hasUnsavedInput.value).toBe(true)
    unregister()
    clean()
    expect(hasUnsavedInput.value).toBe(false)
  })

  it('forgets a form once it is closed', () => {
    const Form = defineComponent({
      setup() {
        useUnsavedGuard(() => true)
        return () => h('form')
      },
    })
    const wrapper = mount(Form)
    expect(hasUnsavedInput.value).toBe(true)
    wrapper.unmount()
    expect(hasUnsavedInput.value).toBe(false)
  })
})
