import { describe, expect, it } from 'vitest'
import { CatalogueError, PISOGNE_CATALOGUE, validateCatalogue } from '~/domain/catalogue'

/** The bundled catalogue as plain data, with one objective (found by id) changed. */
function catalogueWithObjective(id: string, change: (objective: Record<string, unknown> & { indicator: Record<string, unknown> }) => void) {
  const catalogue = structuredClone(PISOGNE_CATALOGUE) as unknown as {
    areas: { id: string }[]
    objectives: (Record<string, unknown> & { indicator: Record<string, unknown> })[]
  }
  const objective = catalogue.objectives.find((candidate) => candidate.id === id)
  if (!objective) throw new Error(`no objective ${id}`)
  change(objective)
  return catalogue
}

function problemsOf(input: unknown): CatalogueError {
  try {
    validateCatalogue(input)
  } catch (error) {
    if (error instanceof CatalogueError) return error
    throw error
  }
  throw new Error('the catalogue was accepted')
}

describe('validateCatalogue on a malformed source', () => {
  it('names the objective and field of an unknown indicator kind', () => {
    const error = problemsOf(catalogueWithObjective('pl-pattugliamento', (o) => (o.indicator.kind = 'percent')))
    expect(error.code).toBe('invalid_catalogue')
    expect(error.message).toBe('objective "pl-pattugliamento": indicator.kind: unknown indicator kind "percent"')
  })

  it('names the objective and field of a target that is not a number', () => {
    const error = problemsOf(catalogueWithObjective('fin-imu-tari', (o) => (o.indicator.target = '70')))
    expect(error.message).toBe('objective "fin-imu-tari": indicator.target: expected a number or null, received "70"')
  })

  it('rejects an objective without an area, and one whose area is not in the catalogue', () => {
    const withoutArea = catalogueWithObjective('terr-segnaletica', (o) => delete o.areaId)
    expect(problemsOf(withoutArea).message).toBe('objective "terr-segnaletica": areaId: missing')

    const areaDropped = catalogueWithObjective('soc-lab-pisogne', () => {})
    areaDropped.areas = areaDropped.areas.filter((area) => area.id !== 'sociale')
    const error = problemsOf(areaDropped)
    expect(error.message).toContain('objective "soc-lab-pisogne": areaId: area "sociale" is not in the catalogue')
    const misplaced = error.problems.filter((p) => p.code === 'unknown_area' && p.path === 'areaId')
    expect(misplaced.map((p) => p.subject)).toEqual([
      'objective "soc-lavori-pubblica-utilita"',
      'objective "soc-alloggi-sap"',
      'objective "soc-sacchi-incontinenza"',
      'objective "soc-lab-pisogne"',
    ])
  })

  it('refuses share and completion targets outside 0–100 and infinite numbers', () => {
    const overfull = problemsOf(catalogueWithObjective('terr-segnaletica', (o) => (o.indicator.target = 175)))
    expect(overfull.message).toMatch(/^objective "terr-segnaletica": indicator\.target: .*percentage from 0 to 100, received 175$/)
    const infinite = problemsOf(catalogueWithObjective('fin-imu-tari', (o) => (o.indicator.target = Infinity)))
    expect(infinite.problems[0]).toMatchObject({ subject: 'objective "fin-imu-tari"', path: 'indicator.target' })
  })

  it('refuses dates that do not exist and misspelt fields', () => {
    const june31 = problemsOf(catalogueWithObjective('amm-biblioteca', (o) => (o.indicator.deadline = '2023-06-31')))
    expect(june31.message).toBe('objective "amm-biblioteca": indicator.deadline: "2023-06-31" is not a calendar date')
    const misspelt = problemsOf(catalogueWithObjective('fin-imu-tari', (o) => (o.indicator.targt = 70)))
    expect(misspelt.message).toBe('objective "fin-imu-tari": indicator.targt: unknown field')
  })

  it('finds duplicate ids and positions, and names an objective without id by its index', () => {
    const duplicate = problemsOf(catalogueWithObjective('pl-turni-serali', (o) => (o.id = 'pl-pattugliamento')))
    expect(duplicate.problems.map((p) => p.code)).toEqual(['duplicate_id'])
    const samePosition = problemsOf(catalogueWithObjective('pl-turni-serali', (o) => (o.position = 1)))
    expect(samePosition.message).toBe(
      'objective "pl-turni-serali": position: another objective of area "polizia_locale" has position 1',
    )
    const noId = problemsOf(catalogueWithObjective('tr-competenze-digitali', (o) => (o.id = 42)))
    expect(noId.message).toBe('objectives[0]: id: expected text, received 42')
  })

  it('reports every problem, one a line, and rejects what is not a catalogue at all', () => {
    const twoProblems = catalogueWithObjective('pl-pattugliamento', (o) => (o.indicator.kind = 'percent'))
    twoProblems.objectives[0].title = ''
    expect(problemsOf(twoProblems).message.split('\n')).toEqual([
      'objective "tr-competenze-digitali": title: must not be empty',
      'objective "pl-pattugliamento": indicator.kind: unknown indicator kind "percent"',
    ])
    expect(problemsOf(null).message).toBe('catalogue: expected an object, received null')
  })
})

describe('validateCatalogue on what a new plan may bring', () => {
  it('accepts an area of its own that the demo plan does not have', () => {
    const catalogue = catalogueWithObjective('terr-segnaletica', (o) => (o.contributingAreas = ['protezione_civile']))
    catalogue.areas.push({ id: 'protezione_civile', nameIt: 'Protezione civile', nameEn: 'Civil protection', position: 7 } as { id: string })
    expect(validateCatalogue(catalogue).objectives.find((o) => o.id === 'terr-segnaletica')?.contributingAreas).toEqual(['protezione_civile'])
  })

  it('refuses an area id that is no slug, and one the file does not list', () => {
    const malformed = problemsOf(catalogueWithObjective('terr-segnaletica', (o) => (o.areaId = 'Polizia Locale')))
    expect(malformed.message).toBe('objective "terr-segnaletica": areaId: expected an area id like "polizia_locale", received "Polizia Locale"')
    const unlisted = problemsOf(catalogueWithObjective('terr-segnaletica', (o) => (o.contributingAreas = ['protezione_civile'])))
    expect(unlisted.problems).toEqual([expect.objectContaining({ code: 'unknown_area', path: 'contributingAreas.0' })])
  })

  it('takes the objective an objective continues as a slug or null, and refuses anything else', () => {
    const continues = catalogueWithObjective('pl-pattugliamento', (o) => (o.continuesObjectiveId = 'pl-pattugliamento-2022'))
    expect(validateCatalogue(continues).objectives.find((o) => o.id === 'pl-pattugliamento')?.continuesObjectiveId).toBe('pl-pattugliamento-2022')
    expect(() => validateCatalogue(catalogueWithObjective('pl-pattugliamento', (o) => (o.continuesObjectiveId = null)))).not.toThrow()
    const bad = problemsOf(catalogueWithObjective('pl-pattugliamento', (o) => (o.continuesObjectiveId = 'Pattuglie 2022')))
    expect(bad.problems).toEqual([expect.objectContaining({ subject: 'objective "pl-pattugliamento"', path: 'continuesObjectiveId' })])
  })
})
