import type { Entry } from '~/domain/entry'
import { newEntry } from '~/features/field-log/entry-factory'
import { aPatrol } from '../support/sync-entries'
import type { Random } from './seeded-random'

/**
 * What each soak device logs. Every entry carries a unique tag in one text field
 * (zone, place or vehicle), so a retried insert that reached the server under a new id
 * would show up as two rows with one tag: a content duplicate.
 */

const HOUR = 3_600_000
const SNOW_EVENT = '5c000000-0000-4000-8000-000000000201'
const SNOW_ROUTES = ['101', '102', '103', '104', '105'].map((n) => `5c000000-0000-4000-8000-000000000${n}`)
const NO_VIOLATIONS = { noInsurance: 0, noInspection: 0, liens: 0, municipalRules: 0 }

export type SoakRole = 'officer' | 'crew'

export interface LoggedEntry {
  entry: Entry
  tag: string
  /** Deliberately invalid: the server must reject it and the device must keep it in "needs attention". */
  invalid: boolean
}

function startOf(n: number): Date {
  return new Date(Date.UTC(2026, 0, 12, 6) + n * HOUR)
}

function aCheckpoint(authorId: string, n: number, place: string): Entry {
  const start = startOf(n)
  return newEntry({
    kind: 'checkpoint',
    objectiveId: 'pl-pattugliamento',
    payload: {
      startedAt: start.toISOString(),
      endedAt: new Date(start.getTime() + HOUR / 2).toISOString(),
      place,
      vehiclesChecked: n % 11,
      violations: NO_VIOLATIONS,
      notes: '',
      location: null,
    },
    authorId,
    occurredAt: start.toISOString(),
    now: new Date().toISOString(),
  })
}

function aTaggedReport(authorId: string, n: number, place: string): Entry {
  const reportedAt = startOf(n).toISOString()
  return newEntry({
    kind: 'maintenance_report',
    objectiveId: 'terr-segnaletica',
    payload: { category: 'road_surface', description: 'Buca in carreggiata', place, location: null, reportedAt, resolvedAt: null },
    authorId,
    occurredAt: reportedAt,
    now: new Date().toISOString(),
  })
}

function aSnowIntervention(authorId: string, n: number, vehicle: string, random: Random): Entry {
  const start = startOf(n)
  return newEntry({
    kind: 'snow_intervention',
    objectiveId: 'terr-piano-neve',
    payload: {
      snowEventId: SNOW_EVENT,
      routeId: random.pick(SNOW_ROUTES),
      action: random.pick(['ploughing', 'salting', 'both'] as const),
      startedAt: start.toISOString(),
      endedAt: new Date(start.getTime() + HOUR).toISOString(),
      vehicle,
      saltKg: n % 300,
    },
    authorId,
    occurredAt: start.toISOString(),
    now: new Date().toISOString(),
  })
}

/** Officers: patrols, checkpoints, some reports; the crew: snow interventions and reports. */
export function soakEntry(role: SoakRole, authorId: string, tag: string, n: number, random: Random, invalid: boolean): LoggedEntry {
  const roll = random.next()
  let entry: Entry
  if (role === 'officer') entry = roll < 0.5 ? aPatrol(authorId, n, tag) : roll < 0.85 ? aCheckpoint(authorId, n, tag) : aTaggedReport(authorId, n, tag)
  else entry = roll < 0.6 ? aSnowIntervention(authorId, n, tag, random) : aTaggedReport(authorId, n, tag)
  // A time that is not a time: the form would refuse it, and the server must too (kinds read startedAt or reportedAt).
  if (invalid) entry = { ...entry, payload: { ...entry.payload, startedAt: 'not a time', reportedAt: 'not a time' } }
  return { entry, tag, invalid }
}
