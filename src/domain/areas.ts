/**
 * An area id is a slug a plan defines (docs/plans.md, "Areas are plan data"), e.g.
 * "polizia_locale". There is no fixed list: which areas exist is the plan's own `areas`.
 */
export type AreaId = string

export const AREA_ID_PATTERN = /^[a-z][a-z0-9_]*$/

/** Well-formed, not known: membership is checked against a plan's areas where one is at hand. */
export function isAreaId(value: unknown): value is AreaId {
  return typeof value === 'string' && AREA_ID_PATTERN.test(value)
}

/** An area as a plan names it. */
export interface Area {
  id: AreaId
  nameIt: string
  nameEn: string
  /** Order in which the plan lists the areas, from 1. */
  position: number
}
