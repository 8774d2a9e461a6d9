export const pwaIt = {
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
}
