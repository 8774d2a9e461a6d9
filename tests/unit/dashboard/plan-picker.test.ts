import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { appDatabase } from '~/db/app-database'
import { useDashboardStore } from '~/features/dashboard/dashboard-store'
import { readEarlierLines } from '~/features/dashboard/earlier-line'
import { useObjectivesStore } from '~/features/objectives/objectives-store'
import PlanPicker from '~/features/objectives/PlanPicker.vue'
import { createAppI18n } from '~/i18n'
import { afterTheNewPlanArrived } from '../plans/plan-factories'
import { anEntry } from '../sync/factories'

const MANAGER = { role: 'admin', areaId: null } as const

describe('the plan and year the dashboard shows', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ now: new Date('2026-12-03T09:00:00Z'), toFake: ['Date'] })
    setActivePinia(createPinia())
    await Promise.all(appDatabase().tables.map((table) => table.clear()))
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('opens on the demo plan, this year, and says it is a demo', async () => {
    const catalogue = useObjectivesStore()
    await catalogue.load()
    const dashboard = useDashboardStore()
    expect(dashboard.plan?.id).toBe('pisogne-2023-2025')
    expect(dashboard.years).toEqual([2023, 2024, 2025, 2026])
    expect(dashboard.year).toBe(2026)
    const picker = mount(PlanPicker, { global: { plugins: [createAppI18n('it')] } })
    await flushPromises()
    expect(picker.get('[data-test="demo-plan"]').text()).toBe('Piano dimostrativo')
    expect(picker.text()).toContain('In vigore dal 01/01/2023')
  })

  it('opens on the plan in force today and still reads a superseded plan with its entries', async () => {
    await afterTheNewPlanArrived()
    await appDatabase().entries.bulkAdd([
      anEntry({ kind: 'patrol', objectiveId: 'pl-pattugliamento', occurredAt: '2024-06-10T08:00:00.000Z', payload: {} }), // the PIAO measures it up to its 2024 deadline
      anEntry({ kind: 'patrol', objectiveId: 'pl-pattugliamento-2026', occurredAt: '2026-11-30T08:00:00.000Z', payload: {} }),
    ])
    const dashboard = useDashboardStore()
    expect(dashboard.plan?.id).toBe('pisogne-2026-2028')
    expect(dashboard.years).toEqual([2026, 2027, 2028])
    expect(dashboard.year).toBe(2026)
    await dashboard.load(MANAGER)
    expect(dashboard.objectives.every((o) => o.planId === 'pisogne-2026-2028')).toBe(true)
    expect(dashboard.progress.get('pl-pattugliamento-2026')?.entryCount).toBe(1)

    useObjectivesStore().choosePlan('pisogne-2023-2025')
    await flushPromises()
    expect(dashboard.years).toEqual([2023, 2024, 2025])
    expect(dashboard.year).toBe(2025)
    await dashboard.load(MANAGER)
    expect(dashboard.progress.get('pl-pattugliamento')?.entryCount).toBe(1)
    expect(dashboard.progress.has('pl-pattugliamento-2026')).toBe(false)
  })

  it('shows beside an objective the years of the earlier plan\'s objective it continues', async () => {
    await afterTheNewPlanArrived()
    await appDatabase().entries.bulkAdd([
      anEntry({ kind: 'count_update', objectiveId: 'fin-imu-tari', occurredAt: '2023-04-10T08:00:00.000Z', payload: { quantity: 30, total: null, note: '' } }),
      anEntry({ kind: 'count_update', objectiveId: 'fin-imu-tari', occurredAt: '2025-04-10T08:00:00.000Z', payload: { quantity: 80, total: null, note: '' } }),
    ])
    const catalogue = useObjectivesStore()
    const dashboard = useDashboardStore()
    await dashboard.load(MANAGER)
    const lines = await readEarlierLines(appDatabase(), catalogue.byId('fin-imu-tari-2026')!, catalogue, [], dashboard.context, catalogue.today)
    expect(lines.map((l) => [l.objective.id, l.plan.id])).toEqual([['fin-imu-tari', 'pisogne-2023-2025']])
    expect(lines[0]!.years.map((y) => [y.year, y.progress.value])).toEqual([[2023, 30], [2024, 0], [2025, 80]])
  })
})
