import { defineMessages } from '~/i18n/define-messages'
import { plansEn } from './plan-messages-en'
import { plansIt } from './plan-messages-it'

/** Italian and English in their own modules: the first screen loads only the language in use. */
export default defineMessages(plansIt, plansEn)
