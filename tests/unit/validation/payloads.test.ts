import { describe, expect, it } from 'vitest'
import { ENTRY_KINDS, type EntryKind } from '~/domain/entry'
import { TEXT_LIMITS } from '~/domain/entry-payloads'
import { validatePayload, type ValidationCode } from '~/domain/validation'
import { aValidPayload } from './payload-factories'

function errorsOf(kind: EntryKind, change: (p: Record<string, unknown>) => void) {
  const payload = aValidPayload(kind) as unknown as Record<string, unknown>
  change(payload)
  const result = validatePayload(kind, payload)
  return result.ok ? {} : result.errors
}

describe('payload validation', () => {
  it.each(ENTRY_KINDS)('accepts a complete %s payload', (kind) => {
    expect(validatePayload(kind, aValidPayload(kind))).toEqual({ ok: true, value: aValidPayload(kind) })
  })

  it('trims text before saving it', () => {
    const result = validatePayload('patrol', { ...aValidPayload('patrol'), zone: '  Lungolago  ' })
    expect(result.ok && result.value.zone).toBe('Lungolago')
  })

  const cases: [EntryKind, string, (p: Record<string, unknown>) => void, string, ValidationCode][] = [
    ['patrol', 'an empty zone', (p) => (p.zone = '   '), 'zone', 'required'],
    ['patrol', 'no crew', (p) => (p.crew = []), 'crew', 'required'],
    ['patrol', 'an end before the start', (p) => (p.endedAt = '2026-11-26T07:00:00.000Z'), 'endedAt', 'end_before_start'],
    ['patrol', 'a negative violation count', (p) => ((p.violations as Record<string, number>).liens = -1), 'violations.liens', 'negative'],
    ['patrol', 'a fractional checkpoint count', (p) => (p.checkpoints = 1.5), 'checkpoints', 'not_integer'],
    ['patrol', 'an emptied number field', (p) => (p.checkpoints = ''), 'checkpoints', 'required'],
    ['patrol', 'notes over the limit', (p) => (p.notes = 'x'.repeat(TEXT_LIMITS.long + 1)), 'notes', 'too_long'],
    ['patrol', 'a time without a zone', (p) => (p.startedAt = '2026-11-26 08:00'), 'startedAt', 'invalid_time'],
    ['checkpoint', 'an empty place', (p) => (p.place = ''), 'place', 'required'],
    ['checkpoint', 'a position off the globe', (p) => (p.location = { lat: 91, lng: 0, accuracy: 5 }), 'location.lat', 'invalid_location'],
    ['checkpoint', 'a missing vehicle count', (p) => (p.vehiclesChecked = ''), 'vehiclesChecked', 'required'],
    ['evening_shift', 'a start at 17:00 Rome', (p) => (p.startedAt = '2026-11-26T16:00:00.000Z'), 'startedAt', 'outside_evening_window'],
    ['evening_shift', 'an end after midnight', (p) => (p.endedAt = '2026-11-26T23:30:00.000Z'), 'startedAt', 'outside_evening_window'],
    ['evening_shift', 'no start', (p) => (p.startedAt = ''), 'startedAt', 'required'],
    ['territory_check', 'an unknown topic', (p) => (p.topic = 'hunting'), 'topic', 'invalid_choice'],
    ['territory_check', 'no topic chosen', (p) => (p.topic = ''), 'topic', 'required'],
    ['territory_check', 'an unknown outcome', (p) => (p.outcome = 'maybe'), 'outcome', 'invalid_choice'],
    ['snow_intervention', 'no vehicle', (p) => (p.vehicle = ''), 'vehicle', 'required'],
    ['snow_intervention', 'negative salt', (p) => (p.saltKg = -3), 'saltKg', 'negative'],
    ['snow_intervention', 'an unknown action', (p) => (p.action = 'shovelling'), 'action', 'invalid_choice'],
    ['snow_intervention', 'no snow event', (p) => (p.snowEventId = ''), 'snowEventId', 'required'],
    ['maintenance_report', 'an empty description', (p) => (p.description = ''), 'description', 'required'],
    ['maintenance_report', 'no category chosen', (p) => (p.category = ''), 'category', 'required'],
    ['maintenance_report', 'a place over 200 characters', (p) => (p.place = 'x'.repeat(201)), 'place', 'too_long'],
    ['maintenance_report', 'a malformed resolution time', (p) => (p.resolvedAt = 'ieri'), 'resolvedAt', 'invalid_time'],
    ['count_update', 'a missing quantity', (p) => (p.quantity = ''), 'quantity', 'required'],
    ['count_update', 'a total below the quantity', (p) => (p.total = 3), 'total', 'total_below_quantity'],
    ['count_update', 'a text quantity', (p) => (p.quantity = 'five'), 'quantity', 'not_a_number'],
    ['milestone_update', 'an empty step', (p) => (p.step = ''), 'step', 'required'],
    ['milestone_update', 'an impossible date', (p) => (p.date = '2023-13-45'), 'date', 'invalid_date'],
    ['check', 'findings without a description', (p) => (p.outcome = 'findings'), 'findings', 'findings_required'],
    ['check', 'a critical flag that is not a boolean', (p) => (p.critical = 'yes'), 'critical', 'required'],
  ]

  it.each(cases)('rejects a %s payload with %s', (kind, _what, change, field, code) => {
    expect(errorsOf(kind, change)[field]).toBe(code)
  })

  it('accepts an evening shift that ends exactly at midnight', () => {
    expect(errorsOf('evening_shift', (p) => (p.endedAt = '2026-11-26T23:00:00.000Z'))).toEqual({})
  })

  it('accepts a share update whose total equals the quantity', () => {
    expect(errorsOf('count_update', (p) => (p.total = 5))).toEqual({})
  })
})
