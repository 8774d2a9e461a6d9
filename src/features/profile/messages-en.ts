import type { profileIt } from './messages-it'

export const profileEn: typeof profileIt = {
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
}
