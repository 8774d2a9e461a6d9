import type { EntryKind, GeoPoint } from './entry'

/**
 * Kind-specific payloads of entries (ARCHITECTURE.md §2). This is the contract the
 * forms, the progress maths, the import and the server's own validation all follow.
 * Times are ISO-8601 UTC strings. Counts are non-negative integers.
 */

/** Limits shared by the client validators and the server's CHECKs. */
export const TEXT_LIMITS = { short: 200, long: 2000 } as const

export interface ViolationCounts {
  noInsurance: number
  noInspection: number
  liens: number
  municipalRules: number
}

export interface PatrolPayload {
  startedAt: string
  endedAt: string
  zone: string
  crew: string[]
  checkpoints: number
  violations: ViolationCounts
  notes: string
  location: GeoPoint | null
}

export interface CheckpointPayload {
  startedAt: string
  endedAt: string
  place: string
  vehiclesChecked: number
  violations: ViolationCounts
  notes: string
  location: GeoPoint | null
}

/** An evening shift runs within 18:00–24:00 Europe/Rome. */
export interface EveningShiftPayload {
  startedAt: string
  endedAt: string
  /** The programme month it counts towards, when one is set. */
  programmeId: string | null
  occasion: string
  notes: string
}

export const TERRITORY_TOPICS = ['waste_abandonment', 'tree_cutting', 'vasp'] as const
export type TerritoryTopic = (typeof TERRITORY_TOPICS)[number]

export interface TerritoryCheckPayload {
  topic: TerritoryTopic
  place: string
  outcome: 'ok' | 'violation'
  notes: string
  location: GeoPoint | null
}

export const SNOW_ACTIONS = ['ploughing', 'salting', 'both'] as const
export type SnowAction = (typeof SNOW_ACTIONS)[number]

export interface SnowInterventionPayload {
  snowEventId: string
  routeId: string
  action: SnowAction
  startedAt: string
  endedAt: string
  vehicle: string
  saltKg: number
}

export const REPORT_CATEGORIES = ['signage', 'street_furniture', 'road_surface', 'other'] as const
export type ReportCategory = (typeof REPORT_CATEGORIES)[number]

/** How a report reached the comune: a citizen's call, an e-mail or PEC, at the desk, or seen in the field. */
export const CHANNELS = ['phone', 'email_pec', 'in_person', 'field'] as const
export type Channel = (typeof CHANNELS)[number]

/** Workflow status lives on the entry (`Entry.status`); the payload holds its dates. */
export interface MaintenanceReportPayload {
  category: ReportCategory
  description: string
  place: string
  location: GeoPoint | null
  reportedAt: string
  resolvedAt: string | null
  /** How it reached the comune; reports logged before issue 13 have none. */
  channel?: Channel
}

/**
 * A quantity for a count indicator (e.g. 5 tax notices issued). For share indicators
 * fed from the office, `total` is the denominator and `quantity` the numerator.
 */
export interface CountUpdatePayload {
  quantity: number
  total: number | null
  note: string
}

export interface MilestoneUpdatePayload {
  step: string
  done: boolean
  /** The "atto d'ufficio" or other evidence (e.g. "Delibera CC n. 12 del 3.5.2023"). */
  evidence: string
  date: string
}

export interface CheckPayload {
  outcome: 'ok' | 'findings'
  findings: string
  critical: boolean
}

export interface PayloadByKind {
  patrol: PatrolPayload
  checkpoint: CheckpointPayload
  evening_shift: EveningShiftPayload
  territory_check: TerritoryCheckPayload
  snow_intervention: SnowInterventionPayload
  maintenance_report: MaintenanceReportPayload
  count_update: CountUpdatePayload
  milestone_update: MilestoneUpdatePayload
  check: CheckPayload
}

export type PayloadOf<K extends EntryKind> = PayloadByKind[K]
