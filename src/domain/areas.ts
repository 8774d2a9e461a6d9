/** The six areas of the Pisogne PIAO 2023–2025, in the order the plan lists them. */
export const AREA_IDS = [
  'trasversali',
  'amministrativa',
  'finanziaria',
  'territorio',
  'polizia_locale',
  'sociale',
] as const

export type AreaId = (typeof AREA_IDS)[number]

export function isAreaId(value: unknown): value is AreaId {
  return typeof value === 'string' && (AREA_IDS as readonly string[]).includes(value)
}
