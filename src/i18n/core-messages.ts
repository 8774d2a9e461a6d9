import { defineMessages } from './define-messages'

export default defineMessages(
  {
    app: {
      name: 'SulCampo',
      tagline: 'Obiettivi del PIAO, registrati sul campo',
      skipToContent: 'Vai al contenuto',
    },
    nav: { main: 'Navigazione principale', field: 'Sul campo', queue: 'Invii', objectives: 'Obiettivi', settings: 'Impostazioni', dashboard: 'Cruscotto', workOrders: 'Segnalazioni', admin: 'Amministrazione', language: 'Lingua' },
    notFound: {
      title: 'Pagina non trovata',
      body: 'L’indirizzo richiesto non esiste.',
      back: 'Torna agli obiettivi',
    },
  },
  {
    app: {
      name: 'SulCampo',
      tagline: 'PIAO objectives, logged in the field',
      skipToContent: 'Skip to content',
    },
    nav: { main: 'Main navigation', field: 'In the field', queue: 'Outbox', objectives: 'Objectives', settings: 'Settings', dashboard: 'Dashboard', workOrders: 'Reports', admin: 'Administration', language: 'Language' },
    notFound: {
      title: 'Page not found',
      body: 'The address you asked for does not exist.',
      back: 'Back to objectives',
    },
  },
)
