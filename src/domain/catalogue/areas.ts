import { AREA_IDS, type AreaId } from '../areas'

export interface Area {
  id: AreaId
  nameIt: string
  nameEn: string
  /** Order in which the PIAO lists the areas, from 1. */
  position: number
}

const AREA_NAMES: Record<AreaId, { nameIt: string; nameEn: string }> = {
  trasversali: { nameIt: 'Obiettivi trasversali', nameEn: 'Cross-cutting objectives' },
  amministrativa: { nameIt: 'Area amministrativa', nameEn: 'Administration' },
  finanziaria: { nameIt: 'Area finanziaria', nameEn: 'Finance' },
  territorio: { nameIt: 'Area gestione del territorio', nameEn: 'Land management and public works' },
  polizia_locale: { nameIt: 'Area polizia locale', nameEn: 'Local police' },
  sociale: { nameIt: 'Area socio assistenziale e scolastica', nameEn: 'Social and school services' },
}

export const AREAS: Area[] = AREA_IDS.map((id, index) => ({ id, ...AREA_NAMES[id], position: index + 1 }))

/**
 * The operating areas other than `own`. Cross-cutting objectives and those applied "in tutti
 * gli uffici" list them as contributors, so that staff of every office can log work for them.
 * `trasversali` is a heading of the plan, not an office, so it never contributes.
 */
export function allOfficesExcept(own: AreaId): AreaId[] {
  return AREA_IDS.filter((id) => id !== own && id !== 'trasversali')
}
