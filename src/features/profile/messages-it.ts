export const profileIt = {
  profile: {
    pickTitle: 'Scegli un ruolo dimostrativo',
    pickIntro: 'Su questo dispositivo puoi provare SulCampo con uno dei ruoli del Comune.',
    current: 'Ruolo attuale',
    none: 'Nessun ruolo scelto',
    area: 'Area',
    chooseArea: 'Scegli l’area',
    confirm: 'Usa questo ruolo',
    saved: 'Ruolo salvato',
    deviceOnly: 'I dati restano su questo dispositivo: non sono sincronizzati',
    roles: {
      officer: 'Agente di Polizia Locale',
      worker: 'Operaio – squadra del territorio',
      staff: 'Impiegato',
      manager: 'Responsabile di area',
      admin: 'Amministratore',
    },
    allAreas: 'tutte le aree',
  },
}
