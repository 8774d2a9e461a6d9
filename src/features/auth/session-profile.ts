import type { User } from '@supabase/supabase-js'
import { isAreaId } from '~/domain/areas'
import { ROLES, type Profile, type Role } from '~/features/profile/profile'

/** The signed-in user as this device remembers them, so the app opens offline without a session check. */
export interface RememberedUser extends Profile {
  email: string
}

export const REMEMBERED_USER_KEY = 'auth:user'

/**
 * Role and area come from the JWT's app_metadata ({ role, area_id }), which only the
 * server can set; a user without a role has no profile yet and cannot work.
 */
export function rememberedUserFrom(user: User): RememberedUser | null {
  const app = (user.app_metadata ?? {}) as Record<string, unknown>
  const role = app.role
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return null
  const meta = (user.user_metadata ?? {}) as Record<string, unknown>
  const name = [meta.display_name, meta.full_name, meta.name].find((v): v is string => typeof v === 'string' && v.trim() !== '')
  const email = user.email ?? ''
  return {
    userId: user.id,
    email,
    displayName: name ?? email,
    role: role as Role,
    areaId: isAreaId(app.area_id) ? app.area_id : null,
  }
}

export function toProfile({ userId, displayName, role, areaId }: RememberedUser): Profile {
  return { userId, displayName, role, areaId }
}
