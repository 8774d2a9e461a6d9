import { ref } from 'vue'

/** One "saved / could not save" message per form, announced politely. */
export function useSaveFeedback() {
  const outcome = ref<'idle' | 'saved' | 'failed'>('idle')
  async function run(task: () => Promise<void>): Promise<void> {
    try {
      await task()
      outcome.value = 'saved'
    } catch (error) {
      console.error('admin: save failed', error)
      outcome.value = 'failed'
    }
  }
  return { outcome, run }
}
