/**
 * Data a manager keeps for the plan (ARCHITECTURE.md §1: what the PIAO leaves to the office
 * is data, not code). All of these sync through the outbox like entries do.
 */

/** A route of the snow plan ("PIANO NEVE"), served in priority order (1 first). */
export interface SnowRoute {
  id: string
  name: string
  description: string
  priority: number
  active: boolean
  version: number
  updatedAt: string
  deleted: boolean
}

/** A snow event declared by a manager; the routes active when it starts form its programme. */
export interface SnowEvent {
  id: string
  name: string
  startedAt: string
  endedAt: string | null
  version: number
  updatedAt: string
  deleted: boolean
}

/** Planned quantity per month for a completion indicator (e.g. evening shifts planned in 2023-07). */
export interface Programme {
  id: string
  objectiveId: string
  /** YYYY-MM */
  month: string
  planned: number
  version: number
  updatedAt: string
  deleted: boolean
}

/** Baseline and target a manager sets where the PIAO defers them (e.g. patrols in 2022). Id = objective id. */
export interface ObjectiveSetting {
  id: string
  baselineValue: number | null
  target: number | null
  /** The manager's note for the monitoring report. */
  note: string
  version: number
  updatedAt: string
  deleted: boolean
}
