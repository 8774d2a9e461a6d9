import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import MaintenancePanel from '~/features/dashboard/components/MaintenancePanel.vue'
import { createAppI18n } from '~/i18n'
import { FEATURE_MESSAGES } from '~/i18n/feature-messages'
import { untriagedRecord, type WorkOrderRecord } from '~/domain/work-orders/record'
import { anEntry } from '../progress/factories'

const NOW = new Date('2024-06-30T10:00:00Z')

function report(place: string, category: string, reportedAt: string, fixedAfterDays: number | null) {
  const resolvedAt = fixedAfterDays === null ? null : new Date(Date.parse(reportedAt) + fixedAfterDays * 86_400_000).toISOString()
  return anEntry('terr-segnaletica', 'maintenance_report', reportedAt, { category, place, description: `Guasto in ${place}`, reportedAt, resolvedAt }, { status: resolvedAt ? 'resolved' : 'open' })
}

const stop = report('Via Roma', 'signage', '2024-06-01T08:00:00Z', 2)
const bench = report('Piazza Mercato', 'street_furniture', '2024-06-02T08:00:00Z', 11)
const pole = report('Via Lago', 'signage', '2024-06-03T08:00:00Z', 5)
const fresh = report('Via Nuova', 'signage', '2024-06-27T08:00:00Z', null)
const private_ = report('Cortile privato', 'other', '2024-06-05T08:00:00Z', null)
const again = report('Via Roma, di nuovo', 'signage', '2024-06-01T09:00:00Z', null)
const record = (id: string, change: Partial<WorkOrderRecord>) => [id, { ...untriagedRecord(id, '2024-06-06T08:00:00Z'), ...change }] as const

function panel(records: ReadonlyMap<string, WorkOrderRecord>) {
  return mount(MaintenancePanel, {
    props: { entries: [stop, bench, pole, fresh, private_, again], records, now: NOW, withinDays: 8 },
    global: { plugins: [createAppI18n('it', FEATURE_MESSAGES)] },
  })
}

const listed = (wrapper: ReturnType<typeof panel>, list: string) => wrapper.findAll(`[data-list="${list}"] li`).map((li) => li.text())
const summary = (wrapper: ReturnType<typeof panel>, list: string) => wrapper.find(`[data-list="${list}"] summary`).text()

describe('the reports behind the signage figure', () => {
  it('lists numerator and denominator, leaves declined and duplicate reports apart, and says the rule', () => {
    const wrapper = panel(new Map([record(private_.id, { declineReason: 'not_ours' }), record(again.id, { declineReason: 'duplicate', duplicateOf: stop.id })]))
    expect(wrapper.find('[data-test="fix-share"]').text()).toBe('2 / 3')
    expect(listed(wrapper, 'fixedInTime')).toEqual([
      'Via Roma — Guasto in Via Roma (segnalata il 1 giu 2024, risolta in 2 giorni)',
      'Via Lago — Guasto in Via Lago (segnalata il 3 giu 2024, risolta in 5 giorni)',
    ])
    expect(listed(wrapper, 'late')).toEqual(['Piazza Mercato — Guasto in Piazza Mercato (segnalata il 2 giu 2024, risolta in 11 giorni)'])
    expect(summary(wrapper, 'pending')).toBe('Ancora nei termini: 1')
    expect(listed(wrapper, 'declined')).toEqual(['Cortile privato — Guasto in Cortile privato (segnalata il 5 giu 2024, 25 giorni fa)'])
    expect(listed(wrapper, 'duplicates')).toEqual(['Via Roma, di nuovo — Guasto in Via Roma, di nuovo (segnalata il 1 giu 2024, 29 giorni fa; doppione di «Via Roma»)'])
    expect(wrapper.find('.rule').text()).toContain('un doppione conta una volta sola, con la segnalazione originale')
  })

  it('counts every report while none is declined: the open ones past 8 days are late', () => {
    const wrapper = panel(new Map())
    expect(wrapper.find('[data-test="fix-share"]').text()).toBe('2 / 5')
    expect(summary(wrapper, 'duplicates')).toBe('Escluse, doppioni: 0')
  })

  it('gives average and median days to fix per category, over the reports that count', () => {
    const wrapper = panel(new Map([record(private_.id, { declineReason: 'not_ours' })]))
    const rows = wrapper.findAll('tbody tr[data-category]').map((tr) => tr.findAll('th, td').map((c) => c.text()))
    expect(rows).toEqual([
      ['Segnaletica', '2', '3,5', '3,5'],
      ['Arredo urbano', '1', '11', '11'],
      ['Manto stradale', '0', '—', '—'],
      ['Altro', '0', '—', '—'],
    ])
  })
})
