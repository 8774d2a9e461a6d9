export const coreIt = {
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
}
