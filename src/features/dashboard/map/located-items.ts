import type { Entry, EntryKind, GeoPoint } from '~/domain/entry'
import { calendarDaysBetween, romeDate } from '~/domain/time-rome'
import { clockAt, type ClockState } from '~/domain/work-orders/clock'

/** Entry kinds whose payload may carry the device's position (entry-payloads.ts). */
export const LOCATED_KINDS: readonly EntryKind[] = ['maintenance_report', 'territory_check', 'patrol', 'checkpoint']

/**
 * One row of the map's list and one marker. `category` and `status` are message keys, so the
 * list reads in the user's language; `place` is what the officer typed, shown as text only.
 */
export interface LocatedItem {
  id: string
  objectiveId: string
  kind: EntryKind
  /** i18n key, e.g. `fieldLog.options.category.signage`. */
  category: string
  place: string
  occurredAt: string
  /** Calendar days (Europe/Rome) since the entry happened. */
  ageDays: number
  /** i18n key of the report status or check outcome; null where the kind has none. */
  status: string | null
  /** A maintenance report's 8-day clock (stopped on the day it was resolved); null for other kinds. */
  clock: ClockState | null
  location: GeoPoint
}

interface LocatedPayload {
  location?: GeoPoint | null
  place?: string
  zone?: string
  category?: string
  topic?: string
  outcome?: string
  reportedAt?: string
  resolvedAt?: string | null
}

function categoryKey(kind: EntryKind, payload: LocatedPayload): string {
  if (kind === 'maintenance_report' && payload.category) return `fieldLog.options.category.${payload.category}`
  if (kind === 'territory_check' && payload.topic) return `fieldLog.options.topic.${payload.topic}`
  return `fieldLog.kinds.${kind}`
}

function statusKey(entry: Entry, payload: LocatedPayload): string | null {
  if (entry.kind === 'maintenance_report' && entry.status) return `fieldLog.reports.status.${entry.status}`
  if (entry.kind === 'territory_check' && payload.outcome) return `fieldLog.options.outcome.${payload.outcome}`
  return null
}

function clockOf(entry: Entry, payload: LocatedPayload, now: Date): ClockState | null {
  if (entry.kind !== 'maintenance_report') return null
  // The device holds no due day a manager moved yet: day 8 of the report, as the objective counts it.
  return clockAt({ reportedAt: payload.reportedAt ?? entry.occurredAt, dueOn: null, resolvedAt: payload.resolvedAt ?? null }, now.getTime()).state
}

/** Live entries of the located kinds that have a position, newest first. */
export function locatedItems(entries: readonly Entry[], now: Date): LocatedItem[] {
  const today = romeDate(now)
  return entries
    .flatMap((entry) => {
      const payload = entry.payload as LocatedPayload
      if (entry.deleted || !LOCATED_KINDS.includes(entry.kind) || !payload.location) return []
      return [{
        id: entry.id,
        objectiveId: entry.objectiveId,
        kind: entry.kind,
        category: categoryKey(entry.kind, payload),
        place: payload.place ?? payload.zone ?? '',
        occurredAt: entry.occurredAt,
        ageDays: Math.max(0, calendarDaysBetween(romeDate(entry.occurredAt), today)),
        status: statusKey(entry, payload),
        clock: clockOf(entry, payload, now),
        location: payload.location,
      }]
    })
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
}

/** "45,80812° N, 10,10710° E (± 12 m)": five decimals are about a metre, the accuracy rounded. */
export function formatCoordinates({ lat, lng, accuracy }: GeoPoint, locale: string): string {
  const degrees = new Intl.NumberFormat(locale, { minimumFractionDigits: 5, maximumFractionDigits: 5 })
  const metres = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
  const ns = lat >= 0 ? 'N' : 'S'
  const ew = lng >= 0 ? 'E' : 'W'
  return `${degrees.format(Math.abs(lat))}° ${ns}, ${degrees.format(Math.abs(lng))}° ${ew} (± ${metres.format(accuracy)} m)`
}
