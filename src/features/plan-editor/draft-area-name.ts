import type { Area } from '~/domain/catalogue'
import { areaName } from '~/features/objectives/area-name'

/** An area named as the plan being edited names it (a new area is in no cached plan yet); else as the cached plans do. */
export function draftAreaName(areas: readonly Area[], areaId: string, locale: string): string {
  const area = areas.find((a) => a.id === areaId)
  const name = area && (locale === 'en' ? area.nameEn : area.nameIt)
  return name || areaName(areaId, locale)
}
