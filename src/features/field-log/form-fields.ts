import {
  CHANNELS,
  REPORT_CATEGORIES,
  SNOW_ACTIONS,
  TERRITORY_TOPICS,
  type PayloadByKind,
  type ViolationCounts,
} from '~/domain/entry-payloads'
import type { EntryKind } from '~/domain/entry'
import { fromRomeInput, romeDate } from '~/domain/time-rome'

/**
 * What each kind's form shows, in order. Labels come from fieldLog.fields.<path>, option labels
 * from fieldLog.options.<path>.<value>. Location is a control of its own (LocationPicker),
 * shown for kinds that have a `location` field.
 */
export type FieldSpec =
  | { path: string; type: 'text' | 'textarea' | 'datetime' | 'date' | 'checkbox' | 'crew'; required?: boolean }
  | { path: string; type: 'number'; step?: number; required?: boolean; /** Empty means null, not "required". */ nullable?: boolean }
  | { path: string; type: 'select'; options: readonly string[]; required?: boolean }

const VIOLATIONS: FieldSpec[] = (['noInsurance', 'noInspection', 'liens', 'municipalRules'] as const).map((k) => ({
  path: `violations.${k}`,
  type: 'number',
}))

const TIMES: FieldSpec[] = [
  { path: 'startedAt', type: 'datetime', required: true },
  { path: 'endedAt', type: 'datetime', required: true },
]

export const FORM_FIELDS: Record<EntryKind, FieldSpec[]> = {
  patrol: [
    { path: 'zone', type: 'text', required: true },
    { path: 'crew', type: 'crew', required: true },
    ...TIMES,
    { path: 'checkpoints', type: 'number' },
    ...VIOLATIONS,
    { path: 'notes', type: 'textarea' },
  ],
  checkpoint: [
    { path: 'place', type: 'text', required: true },
    ...TIMES,
    { path: 'vehiclesChecked', type: 'number', required: true },
    ...VIOLATIONS,
    { path: 'notes', type: 'textarea' },
  ],
  evening_shift: [...TIMES, { path: 'occasion', type: 'text' }, { path: 'notes', type: 'textarea' }],
  territory_check: [
    { path: 'topic', type: 'select', options: TERRITORY_TOPICS, required: true },
    { path: 'place', type: 'text', required: true },
    { path: 'outcome', type: 'select', options: ['ok', 'violation'], required: true },
    { path: 'notes', type: 'textarea' },
  ],
  snow_intervention: [
    { path: 'action', type: 'select', options: SNOW_ACTIONS, required: true },
    ...TIMES,
    { path: 'vehicle', type: 'text', required: true },
    { path: 'saltKg', type: 'number', step: 0.1, required: true },
  ],
  maintenance_report: [
    { path: 'channel', type: 'select', options: CHANNELS, required: true },
    { path: 'category', type: 'select', options: REPORT_CATEGORIES, required: true },
    { path: 'description', type: 'textarea', required: true },
    { path: 'place', type: 'text', required: true },
  ],
  count_update: [
    { path: 'quantity', type: 'number', required: true },
    { path: 'total', type: 'number', nullable: true },
    { path: 'note', type: 'textarea' },
  ],
  milestone_update: [
    { path: 'step', type: 'text', required: true },
    { path: 'date', type: 'date', required: true },
    { path: 'done', type: 'checkbox' },
    { path: 'evidence', type: 'text' },
  ],
  check: [
    { path: 'outcome', type: 'select', options: ['ok', 'findings'], required: true },
    { path: 'findings', type: 'textarea' },
    { path: 'critical', type: 'checkbox' },
  ],
}

/** Kinds whose payload carries a position taken on request. */
export const KINDS_WITH_LOCATION: ReadonlySet<EntryKind> = new Set(['patrol', 'checkpoint', 'territory_check', 'maintenance_report'])

const noViolations = (): ViolationCounts => ({ noInsurance: 0, noInspection: 0, liens: 0, municipalRules: 0 })

/** A blank form as a user first sees it; `now` fills the times so the common case needs no typing. */
export function blankPayload<K extends EntryKind>(kind: K, now: string): PayloadByKind[K] {
  // Work logged right after it ends: the last hour is the likeliest span and keeps end after start.
  const hourAgo = new Date(Date.parse(now) - 3_600_000).toISOString()
  const blanks: { [Kind in EntryKind]: () => PayloadByKind[Kind] } = {
    patrol: () => ({ startedAt: now, endedAt: now, zone: '', crew: [], checkpoints: 0, violations: noViolations(), notes: '', location: null }),
    checkpoint: () => ({ startedAt: hourAgo, endedAt: now, place: '', vehiclesChecked: 0, violations: noViolations(), notes: '', location: null }),
    evening_shift: () => ({ startedAt: '', endedAt: '', programmeId: null, occasion: '', notes: '' }),
    territory_check: () => ({ topic: '' as never, place: '', outcome: 'ok', notes: '', location: null }),
    snow_intervention: () => ({ snowEventId: '', routeId: '', action: 'both', startedAt: hourAgo, endedAt: now, vehicle: '', saltKg: 0 }),
    maintenance_report: () => ({ category: '' as never, description: '', place: '', location: null, reportedAt: now, resolvedAt: null, channel: 'field' }),
    count_update: () => ({ quantity: '' as never, total: null, note: '' }),
    milestone_update: () => ({ step: '', done: true, evidence: '', date: romeDate(now) }),
    check: () => ({ outcome: 'ok', findings: '', critical: false }),
  }
  return blanks[kind]()
}

/** What a new form starts with: an evening shift defaults to today 18:00–23:00 Rome time. */
export function initialPayload<K extends EntryKind>(kind: K, now: string): PayloadByKind[K] {
  const blank = blankPayload(kind, now)
  if (kind !== 'evening_shift') return blank
  const day = romeDate(now)
  return { ...blank, startedAt: fromRomeInput(`${day}T18:00`), endedAt: fromRomeInput(`${day}T23:00`) }
}

/** Reads a dotted path ("violations.liens") from a payload. */
export function readPath(target: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], target)
}

export function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  const last = keys.pop() as string
  const parent = keys.reduce((node, key) => node[key] as Record<string, unknown>, target)
  parent[last] = value
}
