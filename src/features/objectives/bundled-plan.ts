import { PISOGNE_PLAN_RECORD } from '~/domain/catalogue/plan'
import type { SulCampoDb } from '~/db/database'
import { installDemoPlan } from '~/db/objectives-repo'
import { isSyncConfigured } from '~/sync/sync-config'

/**
 * Device-only mode runs on the bundled Pisogne plan, installed into the tables a pull fills and
 * marked as a demo. A synced build installs nothing: its plans come from the server's pull, so
 * the catalogue is loaded only here and a synced phone never downloads it.
 */
export async function installBundledPlan(db: SulCampoDb): Promise<void> {
  if (isSyncConfigured()) return
  const { PISOGNE_OBJECTIVES } = await import('~/domain/catalogue/pisogne')
  await installDemoPlan(db, PISOGNE_PLAN_RECORD, PISOGNE_OBJECTIVES)
}
