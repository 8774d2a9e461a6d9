import type { SulCampoDb } from '~/db/database'
import { readMeta, writeMeta } from '~/db/meta-repo'
import type { AreaId } from '~/domain/areas'
import type { ProfileRow } from '~/sync/profiles-api'

const crewKey = (area: AreaId) => `crew:${area}`

/**
 * The people of an area, to assign reports to: asked of the server when it answers (the profiles
 * policy shows a manager their own area), kept on the device for the next time it does not.
 */
export async function areaCrew(db: SulCampoDb, area: AreaId, fetchProfiles: () => Promise<ProfileRow[]>): Promise<ProfileRow[]> {
  try {
    const crew = (await fetchProfiles()).filter((p) => p.areaId === area)
    await writeMeta(db, crewKey(area), crew)
    return crew
  } catch {
    return (await readMeta<ProfileRow[]>(db, crewKey(area))) ?? []
  }
}
