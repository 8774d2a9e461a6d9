/** Plans as the device caches them (docs/plans.md): pickers, the demo label, what is missing. */
export const plansIt = {
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
}
