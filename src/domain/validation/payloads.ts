import * as v from 'valibot'
import {
  CHANNELS,
  REPORT_CATEGORIES,
  SNOW_ACTIONS,
  TERRITORY_TOPICS,
  TEXT_LIMITS,
  type PayloadByKind,
} from '../entry-payloads'
import type { EntryKind } from '../entry'
import { isWithinEveningWindow } from '../time-rome'
import { amount, calendarDate, choice, count, withEndAfterStart, geoPoint, instant, optionalText, requiredText, violationCounts } from './fields'

/** One schema per entry kind, field names as in entry-payloads.ts (the server checks the same). */

const patrol = withEndAfterStart(
  v.object({
    startedAt: instant(),
    endedAt: instant(),
    zone: requiredText(),
    crew: v.pipe(v.array(requiredText(), 'required'), v.minLength(1, 'required')),
    checkpoints: count(),
    violations: violationCounts(),
    notes: optionalText(),
    location: geoPoint(),
  }),
)

const checkpoint = withEndAfterStart(
  v.object({
    startedAt: instant(),
    endedAt: instant(),
    place: requiredText(),
    vehiclesChecked: count(),
    violations: violationCounts(),
    notes: optionalText(),
    location: geoPoint(),
  }),
)

const eveningShift = v.pipe(
  withEndAfterStart(
    v.object({
    startedAt: instant(),
    endedAt: instant(),
    programmeId: v.nullable(v.string('invalid_choice')),
    occasion: optionalText(TEXT_LIMITS.short),
    notes: optionalText(),
    }),
  ),
  v.forward(
    v.partialCheck(
      [['startedAt'], ['endedAt']],
      (p: { startedAt: string; endedAt: string }) =>
        Date.parse(p.endedAt) <= Date.parse(p.startedAt) || isWithinEveningWindow(p.startedAt, p.endedAt),
      'outside_evening_window',
    ),
    ['startedAt'],
  ),
)

const territoryCheck = v.object({
  topic: choice(TERRITORY_TOPICS),
  place: requiredText(),
  outcome: choice(['ok', 'violation'] as const),
  notes: optionalText(),
  location: geoPoint(),
})

const snowIntervention = withEndAfterStart(
  v.object({
    snowEventId: requiredText(),
    routeId: requiredText(),
    action: choice(SNOW_ACTIONS),
    startedAt: instant(),
    endedAt: instant(),
    vehicle: requiredText(),
    saltKg: amount(),
  }),
)

const maintenanceReport = v.object({
  category: choice(REPORT_CATEGORIES),
  description: requiredText(TEXT_LIMITS.long),
  place: requiredText(),
  location: geoPoint(),
  reportedAt: instant(),
  resolvedAt: v.nullable(instant()),
  channel: v.optional(choice(CHANNELS)),
})

const countUpdate = v.pipe(
  v.object({
    quantity: count(),
    total: v.nullable(count()),
    note: optionalText(),
  }),
  v.forward(
    v.partialCheck(
      [['quantity'], ['total']],
      (p: { quantity: number; total: number | null }) => p.total === null || p.total >= p.quantity,
      'total_below_quantity',
    ),
    ['total'],
  ),
)

const milestoneUpdate = v.object({
  step: requiredText(),
  done: v.boolean('required'),
  evidence: optionalText(TEXT_LIMITS.short),
  date: calendarDate(),
})

const check = v.pipe(
  v.object({
    outcome: choice(['ok', 'findings'] as const),
    findings: optionalText(),
    critical: v.boolean('required'),
  }),
  v.forward(
    v.partialCheck(
      [['outcome'], ['findings']],
      (p: { outcome: string; findings: string }) => p.outcome === 'ok' || p.findings.length > 0,
      'findings_required',
    ),
    ['findings'],
  ),
)

type PayloadSchemas = { [K in EntryKind]: v.GenericSchema<unknown, PayloadByKind[K]> }

export const PAYLOAD_SCHEMAS: PayloadSchemas = {
  patrol,
  checkpoint,
  evening_shift: eveningShift,
  territory_check: territoryCheck,
  snow_intervention: snowIntervention,
  maintenance_report: maintenanceReport,
  count_update: countUpdate,
  milestone_update: milestoneUpdate,
  check,
}
