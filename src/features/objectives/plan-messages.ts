import { defineMessages } from '~/i18n/define-messages'

/** Plans as the device caches them (docs/plans.md): pickers, the demo label, what is missing. */
export default defineMessages(
  {
    plans: {
      picker: 'Piano',
      year: 'Anno',
      demo: 'Piano dimostrativo',
      demoNote: 'Piano dimostrativo incluso nell’app: i dati restano su questo dispositivo.',
      status: { draft: 'bozza', adopted: 'in vigore', superseded: 'sostituito' },
      option: '{title} ({status})',
      inForce: 'In vigore dal {from}',
      inForceUntil: 'In vigore dal {from} al {until}',
      municipality: '{name} (codice ISTAT {istat})',
      needsSync: 'Serve una sincronizzazione per scaricare il piano: collegati alla rete e accedi.',
      noPlan: 'Nessun piano adottato: chiedi all’amministratore di adottarne uno.',
      noneInForceToday: 'Nessun piano in vigore oggi ({day}): non si può registrare.',
      noObjectiveToday: 'Il piano in vigore oggi non ha un obiettivo per questa registrazione.',
      earlier: { title: 'Gli anni precedenti di questa linea', caption: '{title}, nel piano {plan}', year: 'Anno', figure: 'Dato', status: 'Stato' },
    },
  },
  {
    plans: {
      picker: 'Plan',
      year: 'Year',
      demo: 'Demo plan',
      demoNote: 'Demo plan bundled with the app: data stays on this device.',
      status: { draft: 'draft', adopted: 'in force', superseded: 'superseded' },
      option: '{title} ({status})',
      inForce: 'In force from {from}',
      inForceUntil: 'In force from {from} to {until}',
      municipality: '{name} (ISTAT code {istat})',
      needsSync: 'A sync is needed to download the plan: connect to the network and sign in.',
      noPlan: 'No plan adopted yet: ask the administrator to adopt one.',
      noneInForceToday: 'No plan is in force today ({day}): nothing can be logged.',
      noObjectiveToday: 'The plan in force today has no objective for this entry.',
      earlier: { title: 'The earlier years of this line', caption: '{title}, in the plan {plan}', year: 'Year', figure: 'Figure', status: 'Status' },
    },
  },
)
