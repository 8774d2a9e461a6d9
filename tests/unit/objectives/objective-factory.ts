import type { Objective } from '~/domain/objective'
import type { PlanRecord } from '~/domain/plan'
import { anIndicator } from '../progress/factories'

export { anIndicator }

export function anObjective(overrides: Partial<Objective> = {}): Objective {
  return {
    id: `obj-${crypto.randomUUID()}`,
    planId: 'plan-test',
    areaId: 'amministrativa',
    position: 1,
    contributingAreas: [],
    title: 'Obiettivo di prova',
    responsabile: 'Responsabile di prova',
    stakeholder: 'Cittadinanza',
    contributors: 'Ufficio di prova',
    timeframe: 'Entro il 31/12/2023',
    measurement: 'Misura di prova',
    baselineText: '',
    expectedTarget: 'Risultato di prova',
    dataSource: 'Ufficio di prova',
    indicator: anIndicator(),
    ...overrides,
  }
}

export function aPlan(overrides: Partial<PlanRecord> = {}): PlanRecord {
  return {
    id: 'plan-test',
    title: 'Piano di prova',
    municipality: 'Comune di prova',
    startYear: 2023,
    endYear: 2025,
    approvedBy: 'Delibera di prova',
    municipalityId: 'prova',
    istatCode: '000000',
    status: 'adopted',
    adoptedOn: '2023-03-01',
    inForceFrom: '2023-01-01',
    inForceUntil: null,
    areas: [{ id: 'amministrativa', nameIt: 'Area amministrativa', nameEn: 'Administration', position: 1 }],
    ...overrides,
  }
}
