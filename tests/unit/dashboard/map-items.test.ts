import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Entry, EntryKind } from '~/domain/entry'
import { createAppI18n } from '~/i18n'
import { FEATURE_MESSAGES } from '~/i18n/feature-messages'
import EntriesMap from '~/features/dashboard/map/EntriesMap.vue'
import LocatedList from '~/features/dashboard/map/LocatedList.vue'
import { formatCoordinates, locatedItems } from '~/features/dashboard/map/located-items'

const HERE = { lat: 45.80812, lng: 10.1071, accuracy: 12.4 }
/** 10:00 in Rome on 1 July 2024. */
const NOW = new Date('2024-07-01T08:00:00Z')

function entry(kind: EntryKind, payload: Record<string, unknown>, occurredAt: string, extra: Partial<Entry> = {}): Entry {
  return { id: crypto.randomUUID(), objectiveId: 'x', kind, payload, status: null, occurredAt, authorId: 'a', createdAt: occurredAt, updatedAt: occurredAt, version: 1, locked: false, deleted: false, ...extra }
}

const report = entry('maintenance_report', { category: 'signage', place: 'Via Roma 3', location: HERE }, '2024-06-21T06:00:00Z', { status: 'open' })
const check = entry('territory_check', { topic: 'vasp', place: 'Passabocche', outcome: 'violation', location: { lat: 45.9, lng: 10.15, accuracy: 30 } }, '2024-06-30T21:30:00Z')
const patrol = entry('patrol', { zone: 'Lungolago', location: HERE }, '2024-07-01T07:00:00Z')

describe('located entries for the map', () => {
  it('lists reports, checks and patrols that have a position, newest first, with category, place, age and status', () => {
    const unlocated = entry('maintenance_report', { category: 'other', place: 'x', location: null }, '2024-06-01T06:00:00Z', { status: 'open' })
    const deleted = entry('checkpoint', { place: 'x', location: HERE }, '2024-06-01T06:00:00Z', { deleted: true })
    const shift = entry('evening_shift', { location: HERE }, '2024-06-01T18:00:00Z')
    const items = locatedItems([report, unlocated, check, deleted, patrol, shift], NOW)
    expect(items.map((i) => [i.category, i.place, i.ageDays, i.status])).toEqual([
      ['fieldLog.kinds.patrol', 'Lungolago', 0, null],
      // 23:30 on 30 June in Rome: yesterday, although it is 21:30 UTC.
      ['fieldLog.options.topic.vasp', 'Passabocche', 1, 'fieldLog.options.outcome.violation'],
      ['fieldLog.options.category.signage', 'Via Roma 3', 10, 'fieldLog.reports.status.open'],
    ])
  })

  it('gives each report its 8-day clock on the Rome calendar, stopped on the day it was resolved; other kinds none', () => {
    const reported = (daysAgo: number, extra: Record<string, unknown> = {}) =>
      entry('maintenance_report', { category: 'signage', place: `${daysAgo}`, location: HERE, reportedAt: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(), ...extra }, '2024-06-01T06:00:00Z', { status: 'open' })
    const clocks = locatedItems([
      reported(3), reported(7), reported(8), reported(9),
      reported(12, { resolvedAt: '2024-06-25T08:00:00Z' }), reported(12, { resolvedAt: '2024-06-30T08:00:00Z' }), check,
    ], NOW).map((i) => [i.place, i.clock])
    expect(clocks).toEqual([
      ['Passabocche', null],
      ['3', 'on_time'], ['7', 'due_soon'], ['8', 'due_today'], ['9', 'overdue'],
      // Reported on 19 June: fixed on day 6 is on time, on day 11 it was late.
      ['12', 'on_time'], ['12', 'overdue'],
    ])
  })

  it('writes coordinates with hemisphere and accuracy in the reader\'s language', () => {
    expect(formatCoordinates(HERE, 'it')).toBe('45,80812° N, 10,10710° E (± 12 m)')
    expect(formatCoordinates({ lat: -33.5, lng: -70.25, accuracy: 1500 }, 'en')).toBe('33.50000° S, 70.25000° W (± 1,500 m)')
  })

  it('shows the list in Italian, with user-typed places as text', () => {
    const hostile = entry('checkpoint', { place: '<img src=x onerror=alert(1)>', location: HERE }, '2024-06-29T08:00:00Z')
    const list = mount(LocatedList, { props: { items: locatedItems([report, check, hostile], NOW) }, global: { plugins: [createAppI18n('it', FEATURE_MESSAGES)] } })
    const rows = list.findAll('tbody tr').map((r) => r.findAll('td').map((c) => c.text()))
    expect(rows).toEqual([
      ['Strade agro-silvo-pastorali (VASP)', 'Passabocche', '1 giorno fa', 'Violazione', '—', '45,90000° N, 10,15000° E (± 30 m)'],
      ['Posto di controllo', '<img src=x onerror=alert(1)>', '2 giorni fa', '—', '—', '45,80812° N, 10,10710° E (± 12 m)'],
      ['Segnaletica', 'Via Roma 3', '10 giorni fa', 'Aperta', 'In ritardo', '45,80812° N, 10,10710° E (± 12 m)'],
    ])
    expect(list.find('img').exists()).toBe(false)
    expect(list.find('caption').text()).toBe('3 registrazioni con posizione')
  })
})

describe('the map area', () => {
  afterEach(() => vi.restoreAllMocks())

  it('says the map is not available offline, without loading Leaflet', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const map = mount(EntriesMap, { props: { markers: [] }, global: { plugins: [createAppI18n('it', FEATURE_MESSAGES)] } })
    await flushPromises()
    expect(map.find('[data-map-unavailable]').text()).toContain('Mappa non disponibile senza rete')
    expect(map.find('.entries-map__canvas').classes()).not.toContain('leaflet-container')
    map.unmount()
  })
})
