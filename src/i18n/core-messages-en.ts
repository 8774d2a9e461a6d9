import type { coreIt } from './core-messages-it'

export const coreEn: typeof coreIt = {
  app: {
    name: 'SulCampo',
    tagline: 'PIAO objectives, logged in the field',
    skipToContent: 'Skip to content',
  },
  nav: { main: 'Main navigation', field: 'In the field', queue: 'Outbox', objectives: 'Objectives', settings: 'Settings', dashboard: 'Dashboard', workOrders: 'Reports', admin: 'Administration', language: 'Language' },
  notFound: {
    title: 'Page not found',
    body: 'The address you asked for does not exist.',
    back: 'Back to objectives',
  },
}
