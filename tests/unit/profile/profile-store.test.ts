import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { appDatabase } from '~/db/app-database'
import { useProfileStore } from '~/features/profile/profile-store'

describe('profile store (device-only mode)', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    await Promise.all(appDatabase().tables.map((table) => table.clear()))
  })

  it('asks for a demo role on first start', async () => {
    const store = useProfileStore()
    expect(store.mode).toBe('device')
    await store.load()
    expect(store.needsDemoRole).toBe(true)
  })

  it('remembers the chosen role across app starts and keeps the device user when it changes', async () => {
    await useProfileStore().chooseDemoRole('officer', 'polizia_locale', 'Agente di Polizia Locale')
    const firstUser = useProfileStore().userId

    setActivePinia(createPinia())
    const restarted = useProfileStore()
    await restarted.load()
    expect(restarted).toMatchObject({ role: 'officer', areaId: 'polizia_locale', needsDemoRole: false, userId: firstUser })

    await restarted.chooseDemoRole('manager', 'territorio', 'Responsabile di area')
    expect(restarted).toMatchObject({ role: 'manager', areaId: 'territorio', userId: firstUser })
  })

  it('takes a profile from sign-in as is', () => {
    const store = useProfileStore()
    store.setProfile({ userId: 'u1', displayName: 'Anna', role: 'admin', areaId: null })
    expect(store).toMatchObject({ userId: 'u1', displayName: 'Anna', role: 'admin', areaId: null, needsDemoRole: false })
  })
})
