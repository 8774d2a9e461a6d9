import { defineMessages } from '~/i18n/define-messages'

export default defineMessages(
  {
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
  },
  {
    profile: {
      pickTitle: 'Choose a demo role',
      pickIntro: 'On this device you can try SulCampo with one of the municipality’s roles.',
      current: 'Current role',
      none: 'No role chosen',
      area: 'Area',
      chooseArea: 'Choose the area',
      confirm: 'Use this role',
      saved: 'Role saved',
      deviceOnly: 'Data stays on this device: it is not synced',
      roles: {
        officer: 'Local police officer',
        worker: 'Worker – land management crew',
        staff: 'Office staff',
        manager: 'Area manager',
        admin: 'Administrator',
      },
      allAreas: 'all areas',
    },
  },
)
