import type { Area, AreaId } from '../areas'

export type { Area }

/** The six areas of the Pisogne PIAO 2023–2025, in the order the plan lists them (demo data). */
export const PISOGNE_AREA_IDS = [
  'trasversali',
  'amministrativa',
  'finanziaria',
  'territorio',
  'polizia_locale',
  'sociale',
] as const

type PisogneAreaId = (typeof PISOGNE_AREA_IDS)[number]

const AREA_NAMES: Record<PisogneAreaId, { nameIt: string; nameEn: string }> = {
  trasversali: { nameIt: 'Obiettivi trasversali', nameEn: 'Cross-cutting objectives' },
  amministrativa: { nameIt: 'Area amministrativa', nameEn: 'Administration' },
  finanziaria: { nameIt: 'Area finanziaria', nameEn: 'Finance' },
  territorio: { nameIt: 'Area gestione del territorio', nameEn: 'Land management and public works' },
  polizia_locale: { nameIt: 'Area polizia locale', nameEn: 'Local police' },
  sociale: { nameIt: 'Area socio assistenziale e scolastica', nameEn: 'Social and school services' },
}

export const AREAS: Area[] = PISOGNE_AREA_IDS.map((id, index) => ({ id, ...AREA_NAMES[id], position: index + 1 }))

/**
 * The operating areas of the Pisogne plan other than `own`. Cross-cutting objectives and those
 * applied "in tutti gli uffici" list them as contributors, so that staff of every office can log
 * work for them.
 * `trasversali` is a heading of the plan, not an office, so it never contributes.
 */
export function allOfficesExcept(own: AreaId): AreaId[] {
  return PISOGNE_AREA_IDS.filter((id) => id !== own && id !== 'trasversali')
}
