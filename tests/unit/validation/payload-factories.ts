import type { PayloadByKind } from '~/domain/entry-payloads'
import type { EntryKind } from '~/domain/entry'

/** One valid payload per kind; tests break one field at a time. */
export function aValidPayload<K extends EntryKind>(kind: K): PayloadByKind[K] {
  const violations = { noInsurance: 1, noInspection: 0, liens: 2, municipalRules: 0 }
  const payloads: { [Kind in EntryKind]: PayloadByKind[Kind] } = {
    patrol: {
      startedAt: '2026-11-26T08:00:00.000Z',
      endedAt: '2026-11-26T10:00:00.000Z',
      zone: 'Centro storico',
      crew: ['Agente Rossi'],
      checkpoints: 2,
      violations,
      notes: '',
      location: null,
    },
    checkpoint: {
      startedAt: '2026-11-26T08:00:00.000Z',
      endedAt: '2026-11-26T09:00:00.000Z',
      place: 'SP510 km 3',
      vehiclesChecked: 14,
      violations,
      notes: 'Controllo mirato',
      location: { lat: 45.808, lng: 10.107, accuracy: 12 },
    },
    // 18:30–23:00 Rome in winter (UTC+1).
    evening_shift: { startedAt: '2026-11-26T17:30:00.000Z', endedAt: '2026-11-26T22:00:00.000Z', programmeId: null, occasion: 'Mercatino', notes: '' },
    territory_check: { topic: 'vasp', place: 'Località Fraine', outcome: 'ok', notes: '', location: null },
    snow_intervention: {
      snowEventId: 'ev-1',
      routeId: 'route-1',
      action: 'both',
      startedAt: '2026-11-26T04:00:00.000Z',
      endedAt: '2026-11-26T05:30:00.000Z',
      vehicle: 'Iveco Daily',
      saltKg: 250.5,
    },
    maintenance_report: {
      category: 'signage',
      description: 'Cartello di stop piegato',
      place: 'Via Roma 12',
      location: null,
      reportedAt: '2026-11-26T08:00:00.000Z',
      resolvedAt: null,
    },
    count_update: { quantity: 5, total: null, note: '' },
    milestone_update: { step: 'Approvazione regolamento', done: true, evidence: 'Delibera CC n. 12 del 3.5.2023', date: '2023-05-03' },
    check: { outcome: 'ok', findings: '', critical: false },
  }
  return structuredClone(payloads[kind])
}
