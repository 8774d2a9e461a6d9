import { defineMessages } from '~/i18n/define-messages'
import { fieldLogEn } from './messages-en'
import { fieldLogIt } from './messages-it'

export default defineMessages({ fieldLog: fieldLogIt }, { fieldLog: fieldLogEn })
