import type { Entry, EntryKind } from '~/domain/entry'
import type { Indicator, Objective } from '~/domain/objective'
import type { ObjectiveSetting, Programme, SnowEvent, SnowRoute } from '~/domain/plan-data'
import type { ProgressContext } from '~/domain/progress'

export function anIndicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    kind: 'count',
    target: null,
    relativeIncreasePct: null,
    unit: 'pattuglie',
    period: 'year',
    deadline: null,
    baseline: { value: null, year: null, source: 'piao' },
    withinDays: null,
    entryKinds: ['count_update'],
    ...overrides,
  }
}

export function anObjective(id: string, indicator: Partial<Indicator> = {}, overrides: Partial<Objective> = {}): Objective {
  return {
    id,
    planId: 'pisogne-2023-2025',
    areaId: 'polizia_locale',
    position: 1,
    contributingAreas: [],
    title: `Obiettivo ${id}`,
    responsabile: 'Responsabile',
    stakeholder: 'Cittadinanza',
    contributors: 'Operatori',
    timeframe: 'Entro il 2024',
    measurement: 'Misura',
    baselineText: '',
    expectedTarget: '',
    dataSource: 'Ufficio',
    indicator: anIndicator(indicator),
    ...overrides,
  }
}

export function anEntry(objectiveId: string, kind: EntryKind, occurredAt: string, payload: Record<string, unknown> = {}, overrides: Partial<Entry> = {}): Entry {
  return {
    id: crypto.randomUUID(),
    objectiveId,
    kind,
    payload,
    status: null,
    occurredAt,
    authorId: 'u1',
    createdAt: occurredAt,
    updatedAt: occurredAt,
    version: 1,
    locked: false,
    deleted: false,
    ...overrides,
  }
}

/** `count` entries of a kind, one a day from a date (UTC noon, so Rome days are unambiguous). */
export function manyEntries(objectiveId: string, kind: EntryKind, count: number, from = '2024-01-02'): Entry[] {
  const start = Date.parse(`${from}T11:00:00Z`)
  return Array.from({ length: count }, (_, i) => anEntry(objectiveId, kind, new Date(start + (i % 150) * 86_400_000).toISOString()))
}

export function aSetting(id: string, overrides: Partial<ObjectiveSetting> = {}): ObjectiveSetting {
  return { id, baselineValue: null, target: null, note: '', version: 1, updatedAt: '2024-01-01T00:00:00Z', deleted: false, ...overrides }
}

export function aProgramme(objectiveId: string, month: string, planned: number): Programme {
  return { id: `${objectiveId}-${month}`, objectiveId, month, planned, version: 1, updatedAt: '2024-01-01T00:00:00Z', deleted: false }
}

export function aRoute(id: string, priority: number, overrides: Partial<SnowRoute> = {}): SnowRoute {
  return { id, name: `Percorso ${id}`, description: '', priority, active: true, version: 1, updatedAt: '2024-01-01T00:00:00Z', deleted: false, ...overrides }
}

export function aSnowEvent(id: string, startedAt: string, endedAt: string | null = null): SnowEvent {
  return { id, name: `Nevicata ${id}`, startedAt, endedAt, version: 1, updatedAt: startedAt, deleted: false }
}

export function aContext(now: string, overrides: Partial<ProgressContext> = {}): ProgressContext {
  return { now: new Date(now), year: 2024, plan: { startYear: 2023, endYear: 2025 }, programmes: [], snowRoutes: [], snowEvents: [], ...overrides }
}
