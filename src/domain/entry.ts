/** What is logged in the field or in the office (ARCHITECTURE.md §2). */
export const ENTRY_KINDS = [
  'patrol',
  'checkpoint',
  'evening_shift',
  'territory_check',
  'snow_intervention',
  'maintenance_report',
  'count_update',
  'milestone_update',
  'check',
] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

export const REPORT_STATUSES = ['open', 'in_progress', 'resolved'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

export interface GeoPoint {
  lat: number
  lng: number
  /** Metres, as reported by the device. */
  accuracy: number
}

/**
 * An entry as the device and the server both hold it.
 * Times are ISO-8601 strings in UTC; they are shown in Europe/Rome.
 * `version`, `updatedAt` and `authorId` are owned by the server once synced.
 */
export interface Entry {
  id: string
  objectiveId: string
  kind: EntryKind
  /** Kind-specific, validated payload. */
  payload: Record<string, unknown>
  /** Only maintenance reports have a workflow status. */
  status: ReportStatus | null
  occurredAt: string
  authorId: string
  createdAt: string
  updatedAt: string
  /** Server version; 0 while the entry has never reached the server. */
  version: number
  locked: boolean
  deleted: boolean
}
