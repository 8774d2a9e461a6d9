import { describe, expect, it } from 'vitest'
import { PISOGNE_CATALOGUE, PISOGNE_PLAN_RECORD, validateCatalogue } from '~/domain/catalogue'
import { catalogueOf } from '~/domain/catalogue/catalogue-of'
import type { Objective } from '~/domain/objective'

/** Objectives as a device caches them after a pull: a sync version on each row, listed in any order. */
const cachedRows = (): Objective[] =>
  [...PISOGNE_CATALOGUE.objectives].reverse().map((o) => ({ ...o, version: 7 }) as Objective)

describe('catalogueOf: a cached plan back in the import format', () => {
  it('gives back exactly the bundled file from the cached plan, which the strict validator accepts', () => {
    const catalogue = catalogueOf({ ...PISOGNE_PLAN_RECORD, status: 'superseded', inForceUntil: '2025-12-31' }, cachedRows())
    expect(validateCatalogue(catalogue)).toEqual(PISOGNE_CATALOGUE)
    expect(catalogue).toEqual(PISOGNE_CATALOGUE)
  })

  it('keeps only the objectives of that plan', () => {
    const other = { ...PISOGNE_CATALOGUE.objectives[0]!, id: 'altro-piano', planId: 'altro-2026-2028' }
    const catalogue = catalogueOf(PISOGNE_PLAN_RECORD, [...cachedRows(), other])
    expect(catalogue.objectives.map((o) => o.id)).not.toContain('altro-piano')
    expect(catalogue.objectives).toHaveLength(PISOGNE_CATALOGUE.objectives.length)
  })

  it('is a copy: editing it leaves the cached rows as they were', () => {
    const rows = cachedRows()
    const before = structuredClone(rows)
    const catalogue = catalogueOf(PISOGNE_PLAN_RECORD, rows)
    catalogue.objectives[0]!.indicator.baseline.value = 999
    catalogue.objectives[0]!.contributingAreas.push('sociale')
    expect(rows).toEqual(before)
  })
})
