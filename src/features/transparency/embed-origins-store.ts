import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import type { RpcErrorCode } from '~/sync/server-rpc'
import { embedOriginProblem, normalisedOrigin, type EmbedOriginProblem } from './embed-origin'
import { changeEmbedOrigins, fetchEmbedOrigins, ServerRpcError, type EmbedOriginRefusal } from './transparency-api'

/**
 * Why the last change did not happen: the device's own check (nothing sent), the server's
 * refusal, or a call that got no answer. Nothing changed in any case.
 */
export type EmbedOriginsTrouble =
  | { kind: 'problem'; code: EmbedOriginProblem }
  | { kind: 'refused'; code: EmbedOriginRefusal }
  | { kind: 'failed'; code: RpcErrorCode }

/** The admin's list of the sites that may frame the public page's embed view (docs/transparency.md, "Embedding"). */
export const useEmbedOriginsStore = defineStore('transparency-embed-origins', () => {
  const origins = ref<string[]>([])
  const loaded = ref(false)
  const busy = ref(false)
  const trouble = ref<EmbedOriginsTrouble | null>(null)

  async function attempt(work: () => Promise<void>): Promise<void> {
    busy.value = true
    trouble.value = null
    try {
      await work()
    } catch (error) {
      if (!(error instanceof ServerRpcError)) throw error
      trouble.value = { kind: 'failed', code: error.code }
    } finally {
      busy.value = false
    }
  }

  const load = () =>
    attempt(async () => {
      origins.value = await fetchEmbedOrigins()
      loaded.value = true
    })

  /** Lists what the admin typed, as the list holds it; true once it is listed. */
  async function add(typed: string): Promise<boolean> {
    const origin = normalisedOrigin(typed)
    const problem = embedOriginProblem(origin)
    if (problem) {
      trouble.value = { kind: 'problem', code: problem }
      return false
    }
    await change('add', origin)
    return trouble.value === null
  }

  const remove = (origin: string) => change('remove', origin)

  const change = (kind: 'add' | 'remove', origin: string) =>
    attempt(async () => {
      const answer = await changeEmbedOrigins(kind, origin)
      if (answer.status === 'refused') trouble.value = { kind: 'refused', code: answer.code }
      else origins.value = answer.origins
    })

  return { origins, loaded, busy, trouble, load, add, remove }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useEmbedOriginsStore, import.meta.hot))
