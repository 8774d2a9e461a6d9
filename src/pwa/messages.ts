import { defineMessages } from '~/i18n/define-messages'
import { pwaEn } from './messages-en'
import { pwaIt } from './messages-it'

/** Italian and English in their own modules: the first screen loads only the language in use. */
export default defineMessages(pwaIt, pwaEn)
