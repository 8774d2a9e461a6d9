export default {
  app: {
    name: 'SulCampo',
    tagline: 'Obiettivi del PIAO, registrati sul campo',
    skipToContent: 'Vai al contenuto',
  },
  nav: {
    objectives: 'Obiettivi',
    settings: 'Impostazioni',
    language: 'Lingua',
  },
  notFound: {
    title: 'Pagina non trovata',
    body: 'L’indirizzo richiesto non esiste.',
    back: 'Torna agli obiettivi',
  },
}
