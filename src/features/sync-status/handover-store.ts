import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import { appDatabase } from '~/db/app-database'
import { unsentWorkOf } from '~/db/handover-export'
import { handoverFileName, HANDOVER_FORMAT, HANDOVER_VERSION, openHandover, sealHandover, type HandoverProblem } from '~/domain/handover'
import { downloadText } from '~/features/dashboard/csv-exports'
import { useAuthStore } from '~/features/auth/auth-store'
import { applyHandover, HandoverForbiddenError, type HandoverOutcome } from '~/sync/handover-apply'
import { toPhotoUpload } from '~/sync/photo-upload'
import { isSyncError } from '~/sync/sync-error'
import { getSupabase } from '~/sync/supabase-client'

/** Why an import changed nothing, as a code the page translates. */
export type ImportProblem = HandoverProblem | 'forbidden' | 'offline' | 'failed'

/**
 * "Esporta il lavoro non inviato" and its import (docs/durability.md §4): the signed-in user's
 * queued changes and unsent photos to a file, works offline; a file applied through the server,
 * each change at most once.
 */
export const useHandoverStore = defineStore('handover', () => {
  const busy = ref(false)
  /** Changes and photos in the last exported file. */
  const exported = ref<{ mutations: number; photos: number; contacts: number } | null>(null)
  const outcome = ref<HandoverOutcome | null>(null)
  const problem = ref<ImportProblem | null>(null)

  async function exportUnsent(): Promise<void> {
    const user = useAuthStore().user
    if (!user) return
    busy.value = true
    try {
      const work = await unsentWorkOf(appDatabase(), user.userId)
      const file = await sealHandover({
        format: HANDOVER_FORMAT,
        version: HANDOVER_VERSION,
        exportedAt: new Date().toISOString(),
        author: { userId: user.userId, displayName: user.displayName },
        mutations: work.mutations,
        photos: await Promise.all(work.photos.map(toPhotoUpload)),
        contacts: work.contacts,
      })
      downloadText(handoverFileName(file), JSON.stringify(file), 'application/json')
      exported.value = { mutations: file.mutations.length, photos: file.photos.length, contacts: work.contacts.length }
    } finally {
      busy.value = false
    }
  }

  async function importFile(chosen: Blob): Promise<void> {
    busy.value = true
    outcome.value = null
    problem.value = null
    try {
      const opened = await openHandover(await chosen.text())
      const client = getSupabase()
      if (!opened.ok) problem.value = opened.problem
      else if (!client) problem.value = 'failed'
      else outcome.value = await applyHandover(client, opened.file)
    } catch (error) {
      problem.value = error instanceof HandoverForbiddenError ? 'forbidden' : isSyncError(error) && error.code === 'offline' ? 'offline' : 'failed'
    } finally {
      busy.value = false
    }
  }

  return { busy, exported, outcome, problem, exportUnsent, importFile }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useHandoverStore, import.meta.hot))
