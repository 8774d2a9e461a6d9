import type { Objective } from '../objective'
import { AREAS, PISOGNE_AREA_IDS } from './areas'
import { inArea } from './drafts'
import { PISOGNE_PLAN, PISOGNE_PLAN_RECORD } from './plan'
import { AMMINISTRATIVA_OBJECTIVES } from './amministrativa'
import { FINANZIARIA_OBJECTIVES } from './finanziaria'
import { POLIZIA_LOCALE_OBJECTIVES } from './polizia-locale'
import { SOCIALE_OBJECTIVES } from './sociale'
import { TERRITORIO_OBJECTIVES } from './territorio'
import { TRASVERSALI_OBJECTIVES } from './trasversali'
import type { Catalogue } from './validate'

/**
 * The PIAO 2023–2025 of the Comune di Pisogne: the one source of truth for the catalogue
 * bundled into the app (device-only mode) and for supabase/seed.sql.
 */
export const PISOGNE_OBJECTIVES: Objective[] = [
  ...inArea(PISOGNE_PLAN.id, 'trasversali', TRASVERSALI_OBJECTIVES),
  ...inArea(PISOGNE_PLAN.id, 'amministrativa', AMMINISTRATIVA_OBJECTIVES),
  ...inArea(PISOGNE_PLAN.id, 'finanziaria', FINANZIARIA_OBJECTIVES),
  ...inArea(PISOGNE_PLAN.id, 'territorio', TERRITORIO_OBJECTIVES),
  ...inArea(PISOGNE_PLAN.id, 'polizia_locale', POLIZIA_LOCALE_OBJECTIVES),
  ...inArea(PISOGNE_PLAN.id, 'sociale', SOCIALE_OBJECTIVES),
]

export const PISOGNE_CATALOGUE: Catalogue = { plan: PISOGNE_PLAN, areas: AREAS, objectives: PISOGNE_OBJECTIVES }

export { AREAS, PISOGNE_AREA_IDS, PISOGNE_PLAN, PISOGNE_PLAN_RECORD }
export type { Area } from './areas'
export { AreaSchema, IndicatorSchema, ObjectiveSchema, PlanSchema } from './schema'
export { CatalogueError, validateCatalogue } from './validate'
export type { Catalogue, CatalogueProblem, CatalogueProblemCode } from './validate'
