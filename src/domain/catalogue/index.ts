import { AREAS, PISOGNE_AREA_IDS } from './areas'
import { PISOGNE_OBJECTIVES } from './pisogne'
import { PISOGNE_PLAN, PISOGNE_PLAN_RECORD } from './plan'
import type { Catalogue } from './validate'

/**
 * The PIAO 2023–2025 of the Comune di Pisogne: the one source of truth for the catalogue
 * bundled into the app (device-only mode) and for supabase/seed.sql.
 */
export const PISOGNE_CATALOGUE: Catalogue = { plan: PISOGNE_PLAN, areas: AREAS, objectives: PISOGNE_OBJECTIVES }

export { AREAS, PISOGNE_AREA_IDS, PISOGNE_OBJECTIVES, PISOGNE_PLAN, PISOGNE_PLAN_RECORD }
export type { Area } from './areas'
export { AreaSchema, IndicatorSchema, ObjectiveSchema, PlanSchema } from './schema'
export { CatalogueError, validateCatalogue } from './validate'
export type { Catalogue, CatalogueProblem, CatalogueProblemCode } from './validate'
