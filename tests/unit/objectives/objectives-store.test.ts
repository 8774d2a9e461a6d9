import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { appDatabase } from '~/db/app-database'
import { useObjectivesStore } from '~/features/objectives/objectives-store'

describe('objectives store', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    await Promise.all(appDatabase().tables.map((table) => table.clear()))
  })

  it('reads the 29 bundled PIAO objectives from the device database', async () => {
    const store = useObjectivesStore()
    await store.load()
    expect(store.state).toBe('ready')
    expect(store.total).toBe(29)
    expect(await appDatabase().objectives.count()).toBe(29)
  })

  it('narrows the list to the user’s area only when asked, including objectives it contributes to', async () => {
    const store = useObjectivesStore()
    await store.load()
    const count = () => store.visibleGroups('polizia_locale').flatMap((g) => g.objectives).length
    expect(count()).toBe(29)
    store.scope = 'mine'
    const groups = store.visibleGroups('polizia_locale')
    expect(groups.some((g) => g.area.id === 'polizia_locale')).toBe(true)
    expect(count()).toBeGreaterThanOrEqual(4)
    expect(count()).toBeLessThan(29)
  })

  it('searches across the catalogue without caring for accents', async () => {
    const store = useObjectivesStore()
    await store.load()
    store.query = 'PATTUGLIE'
    const found = store.visibleGroups(null).flatMap((g) => g.objectives.map((o) => o.id))
    expect(found).toContain('pl-pattugliamento')
  })

  it('picks up the baseline a manager set, also when it arrives after the list was first read', async () => {
    const store = useObjectivesStore()
    await store.load()
    expect(store.settingOf('pl-pattugliamento')).toBeNull()
    const setting = { id: 'pl-pattugliamento', baselineValue: 400, target: null, note: '', version: 1, updatedAt: '2026-11-20T08:00:00.000Z', deleted: false }
    await appDatabase().objectiveSettings.put(setting)
    await store.load()
    expect(store.settingOf('pl-pattugliamento')).toEqual(setting)
  })
})
