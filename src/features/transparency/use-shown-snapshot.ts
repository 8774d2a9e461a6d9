import { computed, watch } from 'vue'
import { areasWithObjectives } from './snapshot'
import { useTransparencyStore } from './transparency-store'

/**
 * The snapshot a public view shows (the full page and the embed view): the one of the link, or
 * the latest without one, followed as the link changes; its body and its areas with objectives.
 */
export function useShownSnapshot(props: { snapshotId?: string }) {
  const page = useTransparencyStore()
  const load = () => page.show(props.snapshotId ?? null)
  watch(() => props.snapshotId, load, { immediate: true })
  const body = computed(() => page.snapshot?.body ?? null)
  const areas = computed(() => (body.value ? areasWithObjectives(body.value) : []))
  return { page, load, body, areas }
}
