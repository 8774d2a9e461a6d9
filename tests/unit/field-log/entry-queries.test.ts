import { beforeEach, describe, expect, it } from 'vitest'
import { appDatabase } from '~/db/app-database'
import { activeSnowRoutes, openReportsOldestFirst, pendingEntityIds } from '~/db/entry-queries'
import { readRunningPatrol, saveRunningPatrol } from '~/db/patrol-state'
import { seedDemoSnowRoutesIfEmpty } from '~/db/snow-demo-routes'
import type { EveningShiftPayload } from '~/domain/entry-payloads'
import { fromRomeInput } from '~/domain/time-rome'
import { useFieldLogStore } from '~/features/field-log/field-log-store'
import { blankPayload } from '~/features/field-log/form-fields'
import { freshDevice, OFFICER } from './mount-form'

const aReport = (reportedAt: string, place: string) => ({
  ...blankPayload('maintenance_report', reportedAt),
  category: 'other',
  description: 'Panchina rotta',
  place,
})

describe('field log queries', () => {
  beforeEach(freshDevice)

  it('lists open reports oldest first and drops resolved ones', async () => {
    const store = useFieldLogStore()
    await store.create('maintenance_report', 'terr-segnaletica', aReport('2026-11-20T08:00:00.000Z', 'newer'))
    const older = await store.create('maintenance_report', 'terr-segnaletica', aReport('2026-11-02T08:00:00.000Z', 'older'))
    await store.create('maintenance_report', 'terr-segnaletica', aReport('2026-11-10T08:00:00.000Z', 'middle'))
    if (!older.ok) throw new Error('not saved')
    await store.setReportStatus(older.entry, 'resolved')
    const open = await openReportsOldestFirst(appDatabase())
    expect(open.map((e) => e.payload.place)).toEqual(['middle', 'newer'])
  })

  it('calls an entry pending while a change of it waits in the outbox', async () => {
    const created = await useFieldLogStore().create('count_update', 'fin-imu-tari', { quantity: 3, total: null, note: '' })
    if (!created.ok) throw new Error('not saved')
    expect((await pendingEntityIds(appDatabase())).has(created.entry.id)).toBe(true)
    await appDatabase().outbox.clear()
    expect((await pendingEntityIds(appDatabase())).has(created.entry.id)).toBe(false)
  })

  it('links an evening shift to the programme of its Rome month', async () => {
    await appDatabase().programmes.add({ id: 'prog-12', objectiveId: 'pl-turni-serali', month: '2026-12', planned: 4, version: 1, updatedAt: '', deleted: false })
    const shift = { ...blankPayload('evening_shift', '2026-12-01T10:00:00.000Z'), startedAt: fromRomeInput('2026-12-01T18:00'), endedAt: fromRomeInput('2026-12-01T23:00') }
    const saved = await useFieldLogStore().create('evening_shift', 'pl-turni-serali', shift)
    expect(saved.ok && (saved.entry.payload as unknown as EveningShiftPayload).programmeId).toBe('prog-12')
  })

  it('keeps a running patrol per user, so a shared tablet does not hand it to the next one', async () => {
    await saveRunningPatrol(appDatabase(), { startedAt: '2026-11-26T08:00:00.000Z', authorId: OFFICER.userId, endedAt: null })
    expect(await readRunningPatrol(appDatabase(), OFFICER.userId)).toMatchObject({ startedAt: '2026-11-26T08:00:00.000Z' })
    expect(await readRunningPatrol(appDatabase(), 'someone-else')).toBeNull()
  })

  it('seeds the five demo snow routes once, in priority order, without queueing them for the server', async () => {
    expect(await seedDemoSnowRoutesIfEmpty(appDatabase(), '2026-11-26T08:00:00.000Z')).toBe(true)
    expect(await seedDemoSnowRoutesIfEmpty(appDatabase(), '2026-11-26T08:00:00.000Z')).toBe(false)
    const routes = await activeSnowRoutes(appDatabase())
    expect(routes.map((r) => r.priority)).toEqual([1, 2, 3, 4, 5])
    expect(routes.every((r) => r.name.startsWith('Demo'))).toBe(true)
    expect(await appDatabase().outbox.count()).toBe(0)
  })
})
