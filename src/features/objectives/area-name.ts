import { AREAS } from '~/domain/catalogue'
import type { AreaId } from '~/domain/areas'

/** The area's name in the UI language (the PIAO's own Italian name in Italian). */
export function areaName(areaId: AreaId, locale: string): string {
  const area = AREAS.find((a) => a.id === areaId)
  if (!area) return areaId
  return locale === 'en' ? area.nameEn : area.nameIt
}
