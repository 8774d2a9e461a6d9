import { PISOGNE_OBJECTIVES, PISOGNE_PLAN_RECORD } from '~/domain/catalogue'
import type { SulCampoDb } from '~/db/database'
import { installDemoPlan } from '~/db/objectives-repo'
import { isSyncConfigured } from '~/sync/sync-config'

/**
 * Temporary (issue 12), while sync_pull on main sends no plan rows yet: a synced build installs
 * the Pisogne plan as the server seed has it (not as a demo), and the first pull replaces it with
 * the server's copy. Removed once the server side of issue 12 lands.
 */
const SYNCED_BUILD_INSTALLS_PISOGNE = true

/**
 * Device-only mode runs on the bundled Pisogne plan, installed into the tables a pull fills and
 * marked as a demo. A synced build installs nothing: its plans come from the server.
 */
export async function installBundledPlan(db: SulCampoDb): Promise<void> {
  if (!isSyncConfigured()) await installDemoPlan(db, PISOGNE_PLAN_RECORD, PISOGNE_OBJECTIVES)
  else if (SYNCED_BUILD_INSTALLS_PISOGNE) await installDemoPlan(db, PISOGNE_PLAN_RECORD, PISOGNE_OBJECTIVES, false)
}
