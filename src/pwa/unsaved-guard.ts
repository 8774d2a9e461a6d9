import { computed, onBeforeUnmount, shallowReactive } from 'vue'

/** "Has this form unsaved input?" — one per open form. Reading refs inside keeps the answer reactive. */
export type UnsavedCheck = () => boolean

const checks = shallowReactive(new Set<UnsavedCheck>())

/** Registers a check until the returned function is called. */
export function registerUnsavedCheck(check: UnsavedCheck): () => void {
  checks.add(check)
  return () => checks.delete(check)
}

/** True while any open form holds input that a reload would lose. */
export const hasUnsavedInput = computed(() => [...checks].some((check) => check()))

/**
 * For a form component: `useUnsavedGuard(() => dirty.value)`. The update prompt will not
 * reload the app while the check answers true; the check is dropped when the form unmounts.
 */
export function useUnsavedGuard(check: UnsavedCheck): void {
  const unregister = registerUnsavedCheck(check)
  onBeforeUnmount(unregister)
}
