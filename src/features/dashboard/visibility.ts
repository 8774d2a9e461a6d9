import type { AreaId } from '~/domain/areas'
import type { Objective } from '~/domain/objective'
import { inArea } from '~/features/objectives/group-by-area'

export interface Viewer {
  role: string | null
  areaId: AreaId | null
}

/** An admin sees every objective; anyone else their area's and those their area contributes to. */
export function canSee(viewer: Viewer): (objective: Objective) => boolean {
  if (viewer.role === 'admin' || viewer.areaId === null) return () => viewer.role === 'admin'
  const areaId = viewer.areaId
  return (objective) => inArea(objective, areaId)
}

/** Managers administer their own area; admins all of them. */
export function canAdminister(viewer: Viewer, areaId: AreaId): boolean {
  return viewer.role === 'admin' || (viewer.role === 'manager' && viewer.areaId === areaId)
}
