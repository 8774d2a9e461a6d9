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

/** When an intervention ended (its start when the end was not recorded). */
export function snowEndOf(entry: Entry): string {
  const ended = entry.payload.endedAt
  return typeof ended === 'string' && ended ? ended : entry.occurredAt
}

/** The (event, route) an intervention served, or null for anything else. */
export function snowServedKey(entry: Entry): string | null {
  if (entry.kind !== 'snow_intervention' || entry.deleted || typeof entry.payload.snowEventId !== 'string') return null
  return servedKey(entry.payload.snowEventId, String(entry.payload.routeId))
}

const servedKey = (eventId: string, routeId: string) => `${eventId}\n${routeId}`

/** When each (event, route) was first served, by snowServedKey. */
export function firstServed(entries: Entry[]): Record<string, string> {
  const served: Record<string, string> = {}
  for (const e of entries) noteServed(served, e)
  return served
}

/** Records an intervention in first-served times (mutates them); other entries are ignored. */
export function noteServed(served: Record<string, string>, entry: Entry): void {
  const key = snowServedKey(entry)
  if (key === null) return
  const end = snowEndOf(entry)
  const seen = served[key]
  if (seen === undefined || end < seen) served[key] = end
}

export function snowEventSummary(event: SnowEvent, routes: SnowRoute[], entries: Entry[]): SnowEventSummary {
  return summaryFromServed(event, routes, firstServed(entries))
}

/** The same summary from the first-served times the dashboard keeps (see ObjectiveAggregate). */
export function summaryFromServed(event: SnowEvent, routes: SnowRoute[], served: Record<string, string>): SnowEventSummary {
  const programme = programmeRoutes(routes)
  const doneAt = (route: SnowRoute) => served[servedKey(event.id, route.id)]
  const missing = programme.filter((r) => doneAt(r) === undefined)
  const servedCount = programme.length - missing.length
  const allDone = programme.length > 0 && missing.length === 0
  const completedAt = allDone ? programme.map((r) => doneAt(r) as string).sort().at(-1) ?? null : null
  const hoursToComplete = completedAt ? roundTo((Date.parse(completedAt) - Date.parse(event.startedAt)) / 3_600_000, 1) : null
  return { event, planned: programme.length, served: servedCount, completion: percent(servedCount, programme.length), completedAt, hoursToComplete, missing }
}

export function snowEventSummaries(events: SnowEvent[], routes: SnowRoute[], entries: Entry[]): SnowEventSummary[] {
  return summariesFromServed(events, routes, firstServed(entries))
}

export function summariesFromServed(events: SnowEvent[], routes: SnowRoute[], served: Record<string, string>): SnowEventSummary[] {
  return events
    .filter((e) => !e.deleted)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .map((event) => summaryFromServed(event, routes, served))
}
