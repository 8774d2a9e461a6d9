import type { pwaIt } from './messages-it'

export const pwaEn: typeof pwaIt = {
  pwa: {
    newVersion: 'New version available',
    update: 'Update',
    later: 'Later',
    saveFirst: 'Save or cancel the open form before updating',
    offlineReady: 'Ready to work offline',
    storageLost: {
      title: 'The data saved on this device has been deleted.',
      what: 'The browser emptied the app’s storage (space freed or site data deleted): entries not yet sent that were here are gone.',
      synced: 'What was already sent is safe on the server and comes back when you sync. If unsent entries are missing, tell the office.',
      syncNow: 'Sync now',
      deviceOnly: 'On this device the data was not synced: tell the office what is missing.',
      understood: 'Understood',
    },
  },
}
