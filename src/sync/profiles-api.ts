import type { AreaId } from '~/domain/areas'
import type { Role } from '~/features/profile/profile'

/**
 * Roles and areas assigned by an admin (migration 20261126000021_admin_profiles.sql): the
 * RPCs run as the caller, so the profiles policies decide. The Supabase client is imported
 * on first use, so device-only mode never downloads it.
 */

export interface ProfileRow {
  id: string
  displayName: string
  role: Role
  areaId: AreaId | null
}

export const PROFILES_ERROR_CODES = ['not_configured', 'offline', 'forbidden', 'last_admin', 'failed'] as const
export type ProfilesErrorCode = (typeof PROFILES_ERROR_CODES)[number]

export class ProfilesApiError extends Error {
  constructor(readonly code: ProfilesErrorCode, message: string) {
    super(message)
    this.name = 'ProfilesApiError'
  }
}

interface ServerProfile {
  id: string
  display_name: string
  role: Role
  area_id: AreaId | null
}

const toRow = (p: ServerProfile): ProfileRow => ({ id: p.id, displayName: p.display_name, role: p.role, areaId: p.area_id })

function codeOf(error: { code?: string; hint?: string; message: string }): ProfilesErrorCode {
  if (error.hint === 'last_admin') return 'last_admin'
  if (error.code === '42501') return 'forbidden'
  if (!navigator.onLine || /fetch|network/i.test(error.message)) return 'offline'
  return 'failed'
}

async function rpc<T>(name: 'list_profiles' | 'admin_set_profile', args?: object): Promise<T> {
  const { getSupabase } = await import('./supabase-client')
  const client = getSupabase()
  if (!client) throw new ProfilesApiError('not_configured', 'profiles live on the server; this device has none')
  const { data, error } = await client.rpc(name, args)
  if (error) throw new ProfilesApiError(codeOf(error), `${name}: ${error.message}`)
  return data as T
}

export async function listProfiles(): Promise<ProfileRow[]> {
  return (await rpc<ServerProfile[]>('list_profiles')).map(toRow)
}

export async function setProfileRoleArea(userId: string, role: Role, areaId: AreaId | null): Promise<ProfileRow> {
  return toRow(await rpc<ServerProfile>('admin_set_profile', { user_id: userId, role, area: areaId }))
}
