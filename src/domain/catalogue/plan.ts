import type { Plan } from '../objective'
import type { PlanRecord } from '../plan'
import { AREAS } from './areas'

export const PISOGNE_PLAN: Plan = {
  id: 'pisogne-2023-2025',
  title: 'Piano integrato di attività e organizzazione (PIAO) 2023–2025',
  municipality: 'Comune di Pisogne',
  startYear: 2023,
  endYear: 2025,
  approvedBy: 'Delibera Giunta Comunale n. 50 del 15.03.2023',
}

/**
 * The bundled plan as a device caches it: what device-only mode runs on (a demo) and what the
 * server seed adopts (docs/plans.md): Delibera G.C. n. 50 del 15.03.2023, in force from 2023-01-01
 * until a later plan is adopted.
 */
export const PISOGNE_PLAN_RECORD: PlanRecord = {
  ...PISOGNE_PLAN,
  municipalityId: 'pisogne',
  istatCode: '017143',
  status: 'adopted',
  adoptedOn: '2023-03-15',
  inForceFrom: '2023-01-01',
  inForceUntil: null,
  areas: AREAS,
}
