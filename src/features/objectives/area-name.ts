import { getActivePinia } from 'pinia'
import { AREAS } from '~/domain/catalogue/areas'
import type { Area, AreaId } from '~/domain/areas'
import { useObjectivesStore } from './objectives-store'

/** The areas the cached plans name, the plan shown first: a newer plan may rename or add areas. */
function knownAreas(): readonly Area[] {
  if (!getActivePinia()) return AREAS
  const store = useObjectivesStore()
  return [...(store.plan?.areas ?? []), ...store.plans.flatMap((p) => p.areas), ...AREAS]
}

/** The area's name in the UI language (the plan's own Italian name in Italian); its slug if no plan names it. */
export function areaName(areaId: AreaId, locale: string): string {
  const area = knownAreas().find((a) => a.id === areaId)
  if (!area) return areaId
  return locale === 'en' ? area.nameEn : area.nameIt
}
