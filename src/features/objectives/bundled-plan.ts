import { PISOGNE_OBJECTIVES, PISOGNE_PLAN_RECORD } from '~/domain/catalogue'
import type { SulCampoDb } from '~/db/database'
import { installDemoPlan } from '~/db/objectives-repo'
import { isSyncConfigured } from '~/sync/sync-config'

/**
 * Device-only mode runs on the bundled Pisogne plan, installed into the tables a pull fills and
 * marked as a demo. A synced build installs nothing: its plans come from the server's pull.
 */
export async function installBundledPlan(db: SulCampoDb): Promise<void> {
  if (!isSyncConfigured()) await installDemoPlan(db, PISOGNE_PLAN_RECORD, PISOGNE_OBJECTIVES)
}
