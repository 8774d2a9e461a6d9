import type { AreaId } from '~/domain/areas'
import type { Role } from '~/features/profile/profile'
import { callServerRpc, RPC_ERROR_CODES, ServerRpcError } from './server-rpc'

/**
 * Roles and areas assigned by an admin (migration 20261126000021_admin_profiles.sql): the
 * RPCs run as the caller, so the profiles policies decide.
 */

export interface ProfileRow {
  id: string
  displayName: string
  role: Role
  areaId: AreaId | null
}

export const PROFILES_ERROR_CODES = [...RPC_ERROR_CODES, 'last_admin'] as const
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

async function rpc<T>(name: 'list_profiles' | 'admin_set_profile', args?: object): Promise<T> {
  try {
    return await callServerRpc<T>(name, args)
  } catch (error) {
    if (!(error instanceof ServerRpcError)) throw error
    throw new ProfilesApiError(error.hint === 'last_admin' ? 'last_admin' : error.code, error.message)
  }
}

export async function listProfiles(): Promise<ProfileRow[]> {
  return (await rpc<ServerProfile[]>('list_profiles')).map(toRow)
}

export async function setProfileRoleArea(userId: string, role: Role, areaId: AreaId | null): Promise<ProfileRow> {
  return toRow(await rpc<ServerProfile>('admin_set_profile', { user_id: userId, role, area: areaId }))
}
