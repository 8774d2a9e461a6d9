import type { SulCampoDb } from '~/db/database'
import { writeChange } from '~/db/local-writes'
import type { Entry } from '~/domain/entry'
import { newEntry } from '~/features/field-log/entry-factory'

/** Valid entries for sync tests and the sync benchmark (no IndexedDB here: the bench bundles it for Chromium). */

const HOUR = 3_600_000

/** A valid patrol of the officer's objective, numbered so that every payload differs. */
export function aPatrol(authorId: string, n: number, zone = `Zona ${n}`): Entry {
  const start = new Date(Date.UTC(2026, 10, 1, 8) + n * HOUR)
  return newEntry({
    kind: 'patrol',
    objectiveId: 'pl-pattugliamento',
    payload: {
      startedAt: start.toISOString(),
      endedAt: new Date(start.getTime() + HOUR).toISOString(),
      zone,
      crew: ['Agente Rossi'],
      checkpoints: n % 7,
      violations: { noInsurance: 0, noInspection: 0, liens: 0, municipalRules: 0 },
      notes: '',
      location: null,
    },
    authorId,
    occurredAt: start.toISOString(),
    now: new Date().toISOString(),
  })
}

/** A maintenance report (territorio), open until someone moves it along. */
export function aReport(authorId: string): Entry {
  const now = new Date().toISOString()
  return newEntry({
    kind: 'maintenance_report',
    objectiveId: 'terr-segnaletica',
    payload: { category: 'signage', description: 'Cartello divelto', place: 'Via Roma 1', location: null, reportedAt: now, resolvedAt: null },
    authorId,
    occurredAt: now,
    now,
  })
}

/** Queues new entries exactly as the field-log feature does: row + mutation in one transaction each. */
export async function queueInserts(db: SulCampoDb, authorId: string, entries: Entry[]): Promise<void> {
  for (const entry of entries) await writeChange(db, { entity: 'entry', op: 'insert', row: entry, data: { ...entry }, authorId })
}
