import { defineMessages } from './define-messages'
import { coreEn } from './core-messages-en'
import { coreIt } from './core-messages-it'

/** Italian and English in their own modules: the first screen loads only the language in use. */
export default defineMessages(coreIt, coreEn)
