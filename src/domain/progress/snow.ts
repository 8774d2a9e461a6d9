import type { Entry } from '~/domain/entry'
import type { SnowEvent, SnowRoute } from '~/domain/plan-data'
import { percent, roundTo } from './kind-input'

/**
 * Snow plan: for each snow event, the routes of the programme (the active routes) served at
 * least once, and how long it took from the event's start until the last of them was done.
 */
export interface SnowEventSummary {
  event: SnowEvent
  planned: number
  served: number
  /** Percent of the programme served; 0 when the programme is empty. */
  completion: number
  /** When the last programme route was first served; null until all are. */
  completedAt: string | null
  hoursToComplete: number | null
  /** Programme routes not yet served, by priority. */
  missing: SnowRoute[]
}

export function programmeRoutes(routes: SnowRoute[]): SnowRoute[] {
  return routes.filter((r) => r.active && !r.deleted).sort((a, b) => a.priority - b.priority)
}

function endOf(entry: Entry): string {
  const ended = entry.payload.endedAt
  return typeof ended === 'string' && ended ? ended : entry.occurredAt
}

export function snowEventSummary(event: SnowEvent, routes: SnowRoute[], entries: Entry[]): SnowEventSummary {
  const programme = programmeRoutes(routes)
  const firstDone = new Map<string, string>()
  for (const e of entries) {
    if (e.kind !== 'snow_intervention' || e.deleted || e.payload.snowEventId !== event.id) continue
    const routeId = String(e.payload.routeId)
    const end = endOf(e)
    const seen = firstDone.get(routeId)
    if (seen === undefined || end < seen) firstDone.set(routeId, end)
  }
  const missing = programme.filter((r) => !firstDone.has(r.id))
  const served = programme.length - missing.length
  const allDone = programme.length > 0 && missing.length === 0
  const completedAt = allDone ? programme.map((r) => firstDone.get(r.id) as string).sort().at(-1) ?? null : null
  const hoursToComplete = completedAt ? roundTo((Date.parse(completedAt) - Date.parse(event.startedAt)) / 3_600_000, 1) : null
  return { event, planned: programme.length, served, completion: percent(served, programme.length), completedAt, hoursToComplete, missing }
}

export function snowEventSummaries(events: SnowEvent[], routes: SnowRoute[], entries: Entry[]): SnowEventSummary[] {
  return events
    .filter((e) => !e.deleted)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .map((event) => snowEventSummary(event, routes, entries))
}
