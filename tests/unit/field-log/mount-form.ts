import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { appDatabase } from '~/db/app-database'
import type { EntryKind } from '~/domain/entry'
import { createAppI18n } from '~/i18n'
import { FEATURE_MESSAGES } from '~/i18n/feature-messages'
import KindForm from '~/features/field-log/components/KindForm.vue'
import { useProfileStore } from '~/features/profile/profile-store'

export const OFFICER = { userId: 'officer-1', displayName: 'Agente Rossi', role: 'officer', areaId: 'polizia_locale' } as const

/** A fresh app state: empty database, a signed-in officer, real pinia and Italian messages. */
export async function freshDevice(): Promise<void> {
  const pinia = createPinia()
  setActivePinia(pinia)
  await Promise.all(appDatabase().tables.map((table) => table.clear()))
  useProfileStore().setProfile({ ...OFFICER })
}

export function mountKindForm(props: { kind: EntryKind; objectiveId?: string; draftId: string; initial: () => Record<string, unknown> }) {
  return mount(KindForm, { props, global: { plugins: [createAppI18n('it', FEATURE_MESSAGES)] }, attachTo: document.body })
}
