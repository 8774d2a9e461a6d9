import { defineMessages } from '~/i18n/define-messages'
import { profileEn } from './messages-en'
import { profileIt } from './messages-it'

/** Italian and English in their own modules: the first screen loads only the language in use. */
export default defineMessages(profileIt, profileEn)
