import type { AreaId } from '~/domain/areas'

export const ROLES = ['officer', 'worker', 'staff', 'manager', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** Device-only: no Supabase configured, data stays here. Synced: signed in to Supabase. */
export type AppMode = 'device' | 'synced'

export interface Profile {
  userId: string
  displayName: string
  role: Role
  /** The user's own area; null for an admin, who works across all of them. */
  areaId: AreaId | null
}

export interface DemoRole {
  role: Role
  /** Fixed area of the role, or null when the user picks it (manager) or has none (admin). */
  areaId: AreaId | null
  areaChoice: boolean
}

/** The roles offered on first start in device-only mode (one per kind of user in the field and office). */
export const DEMO_ROLES: DemoRole[] = [
  { role: 'officer', areaId: 'polizia_locale', areaChoice: false },
  { role: 'worker', areaId: 'territorio', areaChoice: false },
  { role: 'manager', areaId: null, areaChoice: true },
  { role: 'admin', areaId: null, areaChoice: false },
]

export function appMode(env: { VITE_SUPABASE_URL?: string } = import.meta.env): AppMode {
  return env.VITE_SUPABASE_URL ? 'synced' : 'device'
}
