import { computed, onMounted, type Ref } from 'vue'
import type { EntryKind } from '~/domain/entry'
import { objectiveForKind, type ObjectiveChoice } from '~/domain/objective-for-kind'
import { useObjectivesStore } from '~/features/objectives/objectives-store'

/**
 * Whether a field form can open: the plan in force today has an objective for the kind. The save
 * decides again for the entry's own day (a patrol started before midnight on a plan's last day).
 */
export function useObjectiveToday(kind: Ref<EntryKind | null>) {
  const catalogue = useObjectivesStore()
  onMounted(() => catalogue.load())
  return computed<ObjectiveChoice | null>(() => {
    if (catalogue.state !== 'ready' || !kind.value) return null
    return objectiveForKind(kind.value, catalogue.allObjectives, catalogue.plans, new Date().toISOString())
  })
}
