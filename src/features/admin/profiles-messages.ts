import { defineMessages } from '~/i18n/define-messages'

export default defineMessages(
  {
    profilesAdmin: {
      title: 'Profili: ruolo e area',
      intro: 'Solo gli amministratori assegnano ruoli e aree. Il server applica la modifica ai permessi subito.',
      deviceOnly: 'I profili si gestiscono sul server: su questo dispositivo, senza sincronizzazione, c’è solo il ruolo dimostrativo scelto all’avvio (Impostazioni).',
      loading: 'Caricamento dei profili…',
      name: 'Nome',
      role: 'Ruolo',
      area: 'Area',
      noArea: 'nessuna area',
      save: 'Salva',
      saved: 'Salvato',
      caption: 'Profili degli utenti',
      errors: {
        not_configured: 'Questo dispositivo non è collegato a un server.',
        offline: 'Serve la rete per leggere o cambiare i profili.',
        forbidden: 'Non hai i permessi per cambiare questo profilo.',
        last_admin: 'Deve restare almeno un amministratore: nomina prima un altro amministratore.',
        failed: 'Operazione non riuscita: riprova.',
      },
    },
  },
  {
    profilesAdmin: {
      title: 'Profiles: role and area',
      intro: 'Only administrators assign roles and areas. The server applies a change to permissions at once.',
      deviceOnly: 'Profiles are managed on the server: on this device, without sync, there is only the demo role chosen at start (Settings).',
      loading: 'Loading profiles…',
      name: 'Name',
      role: 'Role',
      area: 'Area',
      noArea: 'no area',
      save: 'Save',
      saved: 'Saved',
      caption: 'User profiles',
      errors: {
        not_configured: 'This device is not connected to a server.',
        offline: 'A network is needed to read or change profiles.',
        forbidden: 'You may not change this profile.',
        last_admin: 'At least one administrator must remain: name another administrator first.',
        failed: 'That did not work: try again.',
      },
    },
  },
)
