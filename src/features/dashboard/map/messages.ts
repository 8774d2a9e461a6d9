import { defineMessages } from '~/i18n/define-messages'

export default defineMessages(
  {
    dashboardMap: {
      link: 'Mappa delle segnalazioni e dei controlli',
      title: 'Mappa delle segnalazioni e dei controlli',
      intro: 'Le registrazioni con una posizione: segnalazioni di manutenzione, controlli della fascia montana, pattuglie e posti di controllo.',
      back: 'Torna al cruscotto',
      loading: 'Caricamento della mappa…',
      unavailable: 'Mappa non disponibile senza rete',
      unavailableHint: 'L’elenco qui sotto funziona anche senza rete.',
      mapLabel: 'Mappa con {n} posizioni',
      attribution: '© contributori di OpenStreetMap',
      failed: 'Impossibile leggere i dati di questo dispositivo.',
      listTitle: 'Elenco delle posizioni',
      count: 'Nessuna registrazione con posizione | Una registrazione con posizione | {n} registrazioni con posizione',
      columns: { category: 'Categoria', place: 'Luogo', age: 'Età', status: 'Stato', coordinates: 'Coordinate (precisione)' },
      age: 'oggi | 1 giorno fa | {n} giorni fa',
      noStatus: '—',
      noPlace: 'senza indicazione',
    },
  },
  {
    dashboardMap: {
      link: 'Map of reports and checks',
      title: 'Map of reports and checks',
      intro: 'Entries with a position: maintenance reports, mountain checks, patrols and checkpoints.',
      back: 'Back to the dashboard',
      loading: 'Loading the map…',
      unavailable: 'Map not available without a network',
      unavailableHint: 'The list below works without a network too.',
      mapLabel: 'Map with {n} positions',
      attribution: '© OpenStreetMap contributors',
      failed: 'Cannot read the data on this device.',
      listTitle: 'List of positions',
      count: 'No entry with a position | One entry with a position | {n} entries with a position',
      columns: { category: 'Category', place: 'Place', age: 'Age', status: 'Status', coordinates: 'Coordinates (accuracy)' },
      age: 'today | 1 day ago | {n} days ago',
      noStatus: '—',
      noPlace: 'not given',
    },
  },
)
