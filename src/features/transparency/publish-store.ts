import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { planInForce } from '~/domain/plan'
import { appDatabase } from '~/db/app-database'
import { useObjectivesStore } from '~/features/objectives/objectives-store'
import type { RpcErrorCode } from '~/sync/server-rpc'
import { figuresAsOf } from './publish-figures'
import { publishSnapshot, ServerRpcError, type PublishAnswer } from './transparency-api'

/**
 * What an admin's publication ended in: the server's answer (published, or its refusal), a call
 * that got no answer, or no plan in force on this device that day (nothing was sent).
 */
export type PublishOutcome = PublishAnswer | { status: 'failed'; code: RpcErrorCode } | { status: 'no_plan' }

/** The admin's "Pubblica i dati in Amministrazione Trasparente" (docs/transparency.md). */
export const usePublishStore = defineStore('transparency-publish', () => {
  const catalogue = useObjectivesStore()
  const busy = ref(false)
  const outcome = ref<PublishOutcome | null>(null)

  /** Publishes the plan in force on `asOf` (YYYY-MM-DD, Rome) with the figures this device computes. */
  async function publish(asOf: string): Promise<void> {
    // A missing date is refused as the server refuses it, without asking it.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
      outcome.value = { status: 'refused', code: 'invalid_field', detail: 'the date of the snapshot is required' }
      return
    }
    busy.value = true
    outcome.value = null
    try {
      const plan = planInForce(catalogue.plans, asOf)
      outcome.value = plan ? await publishSnapshot(asOf, await figuresAsOf(appDatabase(), plan, asOf, new Date())) : { status: 'no_plan' }
    } catch (error) {
      if (!(error instanceof ServerRpcError)) throw error
      outcome.value = { status: 'failed', code: error.code }
    } finally {
      busy.value = false
    }
  }

  return { busy, outcome, publish }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePublishStore, import.meta.hot))
