import { describe, expect, it } from 'vitest'
import { matchesSearch } from '~/features/objectives/objective-search'
import { anObjective } from './objective-factory'

describe('objective search', () => {
  const signage = anObjective({
    title: 'Manutenzione della segnaletica stradale',
    responsabile: 'Responsabile Area Gestione del Territorio',
    measurement: 'Percentuale di segnalazioni risolte entro 8 giorni: qualità del servizio',
  })

  it('finds an accented word typed without accents, and the other way round', () => {
    expect(matchesSearch(signage, 'qualita')).toBe(true)
    expect(matchesSearch(anObjective({ title: 'Qualita urbana' }), 'QUALITÀ')).toBe(true)
  })

  it('matches the title, the Responsabile and the measurement, ignoring case', () => {
    expect(matchesSearch(signage, 'SEGNALETICA')).toBe(true)
    expect(matchesSearch(signage, 'territorio')).toBe(true)
    expect(matchesSearch(signage, '8 giorni')).toBe(true)
  })

  it('needs every word of the query and ignores fields outside the three', () => {
    expect(matchesSearch(signage, 'segnaletica neve')).toBe(false)
    expect(matchesSearch(anObjective({ stakeholder: 'Turisti' }), 'turisti')).toBe(false)
  })

  it('shows everything for an empty or blank query', () => {
    expect(matchesSearch(signage, '   ')).toBe(true)
  })
})
