import { onBeforeUnmount, reactive, ref, toRaw, watch } from 'vue'
import { appDatabase } from '~/db/app-database'
import { clearDraft, loadDraft, loadDraftPhotos, saveDraft, saveDraftPhotos } from '~/db/drafts-repo'
import type { NewPhoto } from '~/db/photos-repo'
import type { FieldErrors } from '~/domain/validation'
import { useUnsavedGuard } from '~/pwa/unsaved-guard'

export const DRAFT_DEBOUNCE_MS = 400

/**
 * A form's state with its draft: restored from `drafts` when one exists, saved there a moment
 * after each change, cleared on save or cancel. While it differs from its starting point the
 * unsaved guard keeps an app update from reloading over it.
 */
export function useEntryForm<T extends Record<string, unknown>>(draftId: string, initial: () => T) {
  const model = reactive(initial()) as T
  const errors = ref<FieldErrors>({})
  const dirty = ref(false)
  const restored = ref(false)
  /** Resized photos; kept with the draft so a reload does not lose them either. */
  const photos = ref<NewPhoto[]>([])
  let timer: ReturnType<typeof setTimeout> | undefined
  let loading = true

  useUnsavedGuard(() => dirty.value)

  const ready = Promise.all([loadDraft(appDatabase(), draftId), loadDraftPhotos(appDatabase(), draftId)]).then(([draft, savedPhotos]) => {
    if (draft) {
      Object.assign(model, draft.data)
      dirty.value = true
      restored.value = true
    }
    photos.value = savedPhotos
    loading = false
  })

  watch(photos, (next) => {
    if (loading) return
    dirty.value = true
    void saveDraftPhotos(appDatabase(), draftId, toRaw(next))
  })

  watch(
    model,
    () => {
      if (loading) return
      dirty.value = true
      clearTimeout(timer)
      timer = setTimeout(() => void saveDraft(appDatabase(), draftId, toRaw(model)), DRAFT_DEBOUNCE_MS)
    },
    { deep: true },
  )

  /** Drops the draft: after a successful save, or when the user cancels. */
  async function discard(): Promise<void> {
    clearTimeout(timer)
    dirty.value = false
    await clearDraft(appDatabase(), draftId)
  }

  onBeforeUnmount(() => {
    // Leaving the screen must not lose the last keystrokes still waiting for the debounce.
    if (timer !== undefined && dirty.value) {
      clearTimeout(timer)
      void saveDraft(appDatabase(), draftId, toRaw(model))
    }
  })

  return { model, errors, dirty, restored, photos, ready, discard }
}
