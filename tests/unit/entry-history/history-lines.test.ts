import { describe, expect, it } from 'vitest'
import type { EntryChange } from '~/features/entry-history/entry-history-api'
import { fieldLabel, formatValue, historyLines, type HistoryContext } from '~/features/entry-history/history-lines'
import { createAppI18n, type Locale } from '~/i18n'
import { FEATURE_MESSAGES } from '~/i18n/feature-messages'

const MANAGER = '11111111-1111-4111-8111-111111111111'
const WORKER = '22222222-2222-4222-8222-222222222222'
const STRANGER = '33333333-3333-4333-8333-333333333333'
const NAMES = new Map([[MANAGER, 'Maria Rossi'], [WORKER, 'Luca Bianchi']])

function context(locale: Locale = 'it'): HistoryContext {
  const { t, te } = createAppI18n(locale, FEATURE_MESSAGES).global
  return { t: t as HistoryContext['t'], te: (key) => te(key, locale), locale, nameOf: (id) => NAMES.get(id) ?? null }
}

const change = (over: Partial<EntryChange>): EntryChange => ({
  field: 'status', version: 2, oldValue: 'open', newValue: 'in_progress', reason: 'edit', changedBy: WORKER, changedAt: '2026-12-04T20:40:00Z', ...over,
})

/** Every field the server's history triggers and conflict rules write (migrations 20261126000007, 20261203400001/2). */
const SERVER_FIELDS = [
  'objectiveId', 'status', 'occurredAt', 'locked', 'deleted',
  'workOrder.assignees', 'workOrder.priority', 'workOrder.dueOn', 'workOrder.declineReason', 'workOrder.duplicateOf',
  'workOrder.handBackReason', 'workOrder.resolutionNote',
  'payload.description', 'payload.place', 'payload.category', 'payload.channel', 'payload.reportedAt', 'payload.resolvedAt', 'payload.location',
  'payload.crew', 'payload.violations', 'payload.startedAt', 'payload.endedAt', 'payload.notes',
]

describe('the labels of history fields', () => {
  it.each(['it', 'en'] as const)('names every field the server writes in %s', (locale) => {
    const ctx = context(locale)
    expect(SERVER_FIELDS.filter((field) => fieldLabel(field, ctx) === field)).toEqual([])
  })

  it('falls back to the raw name of a field it does not know', () => {
    expect(fieldLabel('payload.somethingNew', context())).toBe('payload.somethingNew')
  })
})

describe('the values of history fields', () => {
  const ctx = context()
  it('words codes, dates and people', () => {
    expect(formatValue('status', 'in_progress', ctx)).toBe('In lavorazione')
    expect(formatValue('workOrder.priority', 'urgent', ctx)).toBe('Urgente')
    expect(formatValue('workOrder.declineReason', 'not_ours', ctx)).toBe('Non di competenza del comune')
    expect(formatValue('payload.category', 'signage', ctx)).toBe('Segnaletica')
    expect(formatValue('payload.channel', 'phone', ctx)).toBe('Telefonata di un cittadino')
    expect(formatValue('workOrder.dueOn', '2026-12-09', ctx)).toBe('09/12/26')
    // 23:30 UTC on 4 December is already the 5th in Rome.
    expect(formatValue('payload.resolvedAt', '2026-12-04T23:30:00Z', ctx)).toBe('05/12/26, 00:30')
    expect(formatValue('workOrder.assignees', [WORKER, STRANGER], ctx)).toBe('Luca Bianchi, un altro utente')
    expect(formatValue('workOrder.assignees', [], ctx)).toBe('nessuno')
    expect(formatValue('locked', true, ctx)).toBe('sì')
    expect(formatValue('payload.violations', { noInsurance: 1, liens: 0 }, ctx)).toBe('Senza assicurazione 1, Veicoli con gravami 0')
  })

  it('keeps text as text and an unknown code as it is', () => {
    expect(formatValue('payload.description', 'Cartello "stop" piegato', ctx)).toBe('Cartello "stop" piegato')
    expect(formatValue('workOrder.priority', 'someday', ctx)).toBe('someday')
    expect(formatValue('payload.description', null, ctx)).toBe('nessuno')
  })
})

describe('history lines', () => {
  it('says when in Rome time, who, and what changed', () => {
    const [line] = historyLines([change({})], context())
    expect(line).toEqual({ heading: '04/12/26, 21:40, Luca Bianchi', change: 'Stato: Aperta → In lavorazione', lost: null, note: null })
  })

  it('marks a value that lost to the manager with both values, whose value prevailed and the rule', () => {
    const lines = historyLines(
      [
        change({ field: 'workOrder.priority', oldValue: 'normal', newValue: 'urgent', changedBy: MANAGER }),
        change({ field: 'workOrder.priority', oldValue: 'urgent', newValue: 'low', reason: 'conflict_lost', changedBy: WORKER, changedAt: '2026-12-04T21:00:00Z' }),
      ],
      context(),
    )
    expect(lines[1]).toEqual({
      heading: '04/12/26, 22:00, Luca Bianchi',
      change: 'Priorità: proposto “Bassa”',
      lost: 'Non applicato: ha prevalso il valore di Maria Rossi, “Urgente”.',
      note: 'Regola: assegnazione, priorità, scadenza e rifiuto spettano al responsabile d’area.',
    })
  })

  it('explains the assignee’s rule for the work status, in English too', () => {
    const lines = historyLines([change({ oldValue: 'in_progress', newValue: 'open', reason: 'conflict_lost', changedBy: MANAGER })], context('en'))
    expect(lines[0]).toMatchObject({
      change: 'Status: proposed “Open”',
      lost: 'Not applied: the value of another user prevailed, “In progress”.',
      note: expect.stringContaining('the work status is the assignee’s'),
    })
  })

  it('notes a late edit that replaced a newer value, and names nobody it does not know', () => {
    const [line] = historyLines([change({ field: 'payload.description', oldValue: 'nuovo', newValue: 'vecchio', reason: 'conflict_overwritten', changedBy: null })], context())
    expect(line?.heading).toBe('04/12/26, 21:40, un altro utente')
    expect(line?.change).toBe('Descrizione: nuovo → vecchio')
    expect(line?.note).toContain('ha sostituito un valore più recente')
  })
})
