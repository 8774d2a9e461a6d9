import { watch } from 'vue'
import type { Objective } from '~/domain/objective'
import { useObjectivesStore } from '~/features/objectives/objectives-store'

/**
 * The installed catalogue, once it is there. The objectives store's load() returns at once while
 * another page's call is still installing it, so wait for that load to settle.
 */
export async function catalogueReady(): Promise<Objective[]> {
  const store = useObjectivesStore()
  await store.load()
  if (store.state === 'loading') {
    await new Promise<void>((resolve) => {
      const stop = watch(
        () => store.state,
        (state) => {
          if (state === 'loading') return
          stop()
          resolve()
        },
      )
    })
  }
  return store.objectives
}
