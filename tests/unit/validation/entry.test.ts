import { describe, expect, it } from 'vitest'
import type { Entry } from '~/domain/entry'
import { validateEntry } from '~/domain/validation'
import { aValidPayload } from './payload-factories'

function anEntry(overrides: Partial<Entry> = {}): Entry {
  const now = '2026-11-26T10:00:00.000Z'
  return {
    id: '6f1c1c2e-5d8a-4d0e-9a3b-2b1f0c7e9a11',
    objectiveId: 'terr-segnaletica',
    kind: 'maintenance_report',
    payload: aValidPayload('maintenance_report') as unknown as Record<string, unknown>,
    status: 'open',
    occurredAt: now,
    authorId: 'user-1',
    createdAt: now,
    updatedAt: now,
    version: 0,
    locked: false,
    deleted: false,
    ...overrides,
  }
}

describe('entry validation', () => {
  it('accepts a well-formed entry with its payload', () => {
    expect(validateEntry(anEntry()).ok).toBe(true)
  })

  it('reports payload problems under payload.<field>', () => {
    const result = validateEntry(anEntry({ payload: { ...aValidPayload('maintenance_report'), place: '' } }))
    expect(result).toEqual({ ok: false, errors: { 'payload.place': 'required' } })
  })

  it.each([
    ['an id that is not a UUID', { id: 'abc' }, 'id', 'invalid_entry'],
    ['an unknown kind', { kind: 'party' as Entry['kind'] }, 'kind', 'invalid_choice'],
    ['a report without status', { status: null }, 'status', 'invalid_choice'],
    ['a status on a patrol', { kind: 'patrol' as const, payload: aValidPayload('patrol') as unknown as Record<string, unknown> }, 'status', 'invalid_choice'],
    ['a negative version', { version: -1 }, 'version', 'invalid_entry'],
    ['no objective', { objectiveId: '' }, 'objectiveId', 'required'],
    ['a malformed occurrence time', { occurredAt: 'oggi' }, 'occurredAt', 'invalid_time'],
  ] as const)('rejects %s', (_what, overrides, field, code) => {
    const result = validateEntry(anEntry(overrides as Partial<Entry>))
    expect(result.ok ? {} : result.errors[field]).toBe(code)
  })
})
