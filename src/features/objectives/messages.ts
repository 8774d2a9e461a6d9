import { defineMessages } from '~/i18n/define-messages'
import { objectivesEn } from './messages-en'
import { objectivesIt } from './messages-it'

/** Italian and English in their own modules: the first screen loads only the language in use. */
export default defineMessages(objectivesIt, objectivesEn)
