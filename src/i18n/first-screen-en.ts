import { coreEn } from './core-messages-en'
import { objectivesEn } from '~/features/objectives/messages-en'
import { plansEn } from '~/features/objectives/plan-messages-en'
import { profileEn } from '~/features/profile/messages-en'
import { pwaEn } from '~/pwa/messages-en'

/** The English of the first screen's messages (see FIRST_SCREEN_IT in index.ts), loaded when in use. */
export const FIRST_SCREEN_EN: object[] = [coreEn, objectivesEn, plansEn, profileEn, pwaEn]
