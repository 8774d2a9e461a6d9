import type it from './it'

const en: typeof it = {
  app: {
    name: 'SulCampo',
    tagline: 'PIAO objectives, logged in the field',
    skipToContent: 'Skip to content',
  },
  nav: {
    objectives: 'Objectives',
    settings: 'Settings',
    language: 'Language',
  },
  notFound: {
    title: 'Page not found',
    body: 'The address you asked for does not exist.',
    back: 'Back to objectives',
  },
}
export default en
