import settings from '~/features/settings/messages'
import fieldLog from '~/features/field-log/messages'
import validation from '~/domain/validation/messages'
import workOrderProblems from '~/domain/work-orders/messages'
import auth from '~/features/auth/messages'
import syncStatus from '~/features/sync-status/messages'
import dashboard from '~/features/dashboard/messages'
import admin from '~/features/admin/messages'
import dashboardMap from '~/features/dashboard/map/messages'
import planImportCsv from '~/features/plan-editor/plan-import-messages'
import planEditor from '~/features/plan-editor/messages'
import profilesAdmin from '~/features/admin/profiles-messages'
import handover from '~/features/sync-status/handover-messages'
import workOrders from '~/features/work-orders/messages'
import transparency from '~/features/transparency/messages'
import entryHistory from '~/features/entry-history/messages'
import embed from '~/features/transparency/embed-messages'
import type { FeatureMessages } from './define-messages'

/**
 * The messages of every screen beyond the first, one line per feature. Loaded on demand (see
 * loadFeatureMessages), so the first screen does not download them; a new feature goes here.
 */
export const FEATURE_MESSAGES: FeatureMessages<object>[] = [settings, fieldLog, validation, workOrderProblems, auth, syncStatus, dashboard, admin, dashboardMap, planImportCsv, planEditor, profilesAdmin, handover, workOrders, transparency, entryHistory, embed]
