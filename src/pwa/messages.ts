import { defineMessages } from '~/i18n/define-messages'

export default defineMessages(
  {
    pwa: {
      newVersion: 'Nuova versione disponibile',
      update: 'Aggiorna',
      later: 'Più tardi',
      saveFirst: 'Salva o annulla il modulo aperto prima di aggiornare',
      offlineReady: 'Pronto per lavorare offline',
    },
  },
  {
    pwa: {
      newVersion: 'New version available',
      update: 'Update',
      later: 'Later',
      saveFirst: 'Save or cancel the open form before updating',
      offlineReady: 'Ready to work offline',
    },
  },
)
