import type { Entry } from '~/domain/entry'
import type { SnowInterventionPayload } from '~/domain/entry-payloads'
import type { SnowRoute } from '~/domain/plan-data'

export interface SnowProgress {
  served: number
  total: number
  /** Whole percent, 0 when the plan has no routes. */
  percent: number
  servedRouteIds: Set<string>
}

/** "x di y percorsi serviti": a route counts once however many interventions it had. */
export function snowProgress(routes: readonly SnowRoute[], interventions: readonly Entry[]): SnowProgress {
  const planned = new Set(routes.map((r) => r.id))
  const servedRouteIds = new Set(
    interventions.map((e) => (e.payload as unknown as SnowInterventionPayload).routeId).filter((id) => planned.has(id)),
  )
  const total = planned.size
  const served = servedRouteIds.size
  return { served, total, percent: total === 0 ? 0 : Math.round((served / total) * 100), servedRouteIds }
}
