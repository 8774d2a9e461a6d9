import type { Objective } from '../objective'
import { inArea } from './drafts'
import { PISOGNE_PLAN } from './plan'
import { AMMINISTRATIVA_OBJECTIVES } from './amministrativa'
import { FINANZIARIA_OBJECTIVES } from './finanziaria'
import { POLIZIA_LOCALE_OBJECTIVES } from './polizia-locale'
import { SOCIALE_OBJECTIVES } from './sociale'
import { TERRITORIO_OBJECTIVES } from './territorio'
import { TRASVERSALI_OBJECTIVES } from './trasversali'

/**
 * The objectives of the PIAO 2023–2025 of the Comune di Pisogne, in plan order. Apart from the
 * index so that the app can install them without the catalogue's validation code.
 */
export const PISOGNE_OBJECTIVES: Objective[] = [
  ...inArea(PISOGNE_PLAN.id, 'trasversali', TRASVERSALI_OBJECTIVES),
  ...inArea(PISOGNE_PLAN.id, 'amministrativa', AMMINISTRATIVA_OBJECTIVES),
  ...inArea(PISOGNE_PLAN.id, 'finanziaria', FINANZIARIA_OBJECTIVES),
  ...inArea(PISOGNE_PLAN.id, 'territorio', TERRITORIO_OBJECTIVES),
  ...inArea(PISOGNE_PLAN.id, 'polizia_locale', POLIZIA_LOCALE_OBJECTIVES),
  ...inArea(PISOGNE_PLAN.id, 'sociale', SOCIALE_OBJECTIVES),
]
