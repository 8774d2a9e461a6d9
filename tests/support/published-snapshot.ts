import type { PublishedSnapshot } from '~/features/transparency/snapshot'

/** A published snapshot as public.published_snapshot answers it, with text a CSV must quote and a note that looks like a formula. */
export const PUBLISHED_SNAPSHOT: PublishedSnapshot = {
  id: '3b8e7c1a-0000-4000-8000-000000000001',
  asOf: '2026-11-30',
  publishedAt: '2026-12-01T09:15:00.000Z',
  body: {
    asOf: '2026-11-30',
    year: 2026,
    municipality: { name: 'Comune di Pisogne', istatCode: '017143' },
    plan: { id: 'pisogne-2026-2028', title: 'PIAO 2026–2028', startYear: 2026, endYear: 2028, adoptedBy: 'Delibera G.C. n. 12 del 20.01.2026', inForceFrom: '2026-01-01' },
    areas: [{ id: 'polizia_locale', name: 'Area polizia locale', position: 1 }],
    objectives: [
      {
        id: 'pl-pattugliamento', areaId: 'polizia_locale', areaName: 'Area polizia locale', position: 1,
        title: 'Aumento del pattugliamento; controlli "serali"', expectedTarget: '+10% rispetto al 2022',
        value: 412.5, target: 440, unit: 'pattuglie', status: 'at_risk', note: '=SOMMA(A1) non è una formula',
      },
      {
        id: 'pl-segnaletica', areaId: 'polizia_locale', areaName: 'Area polizia locale', position: 2,
        title: 'Segnaletica', expectedTarget: '', value: 0, target: null, unit: '%', status: 'not_started', note: '',
      },
    ],
  },
}
