import { defineMessages } from '~/i18n/define-messages'

export default defineMessages(
  {
    pwa: {
      newVersion: 'Nuova versione disponibile',
      update: 'Aggiorna',
      later: 'Più tardi',
      saveFirst: 'Salva o annulla il modulo aperto prima di aggiornare',
      offlineReady: 'Pronto per lavorare offline',
      storageLost: {
        title: 'I dati salvati su questo dispositivo sono stati cancellati.',
        what: 'Il browser ha svuotato la memoria dell’app (spazio liberato o dati del sito eliminati): le registrazioni non ancora inviate che erano qui non ci sono più.',
        synced: 'Quello che era già stato inviato è al sicuro sul server e torna sincronizzando. Se mancano registrazioni non inviate, avvisa l’ufficio.',
        syncNow: 'Sincronizza ora',
        deviceOnly: 'Su questo dispositivo i dati non erano sincronizzati: avvisa l’ufficio di quello che manca.',
        understood: 'Ho capito',
      },
    },
  },
  {
    pwa: {
      newVersion: 'New version available',
      update: 'Update',
      later: 'Later',
      saveFirst: 'Save or cancel the open form before updating',
      offlineReady: 'Ready to work offline',
      storageLost: {
        title: 'The data saved on this device has been deleted.',
        what: 'The browser emptied the app’s storage (space freed or site data deleted): entries not yet sent that were here are gone.',
        synced: 'What was already sent is safe on the server and comes back when you sync. If unsent entries are missing, tell the office.',
        syncNow: 'Sync now',
        deviceOnly: 'On this device the data was not synced: tell the office what is missing.',
        understood: 'Understood',
      },
    },
  },
)
