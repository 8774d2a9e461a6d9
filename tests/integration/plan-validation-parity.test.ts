import { beforeAll, describe, expect, it } from 'vitest'
import { CatalogueError, validateCatalogue, type Catalogue, type CatalogueProblem } from '~/domain/catalogue'
import { planFile } from '../support/plan-files'
import { DEMO, signedInClient, withDatabase } from '../support/supabase-clients'

/**
 * The same bad plan files, refused by the app's validateCatalogue and by the server's import_plan
 * with the same problems (docs/plans.md): code, subject, path and wording, in the same order.
 * Nothing of a refused file reaches the database.
 */
type Edit = (file: Catalogue) => unknown

const base = () => planFile('parity-2030-2032', 2030, 'par')
const objective = (file: Catalogue, id: string) => file.objectives.find((o) => o.id === id)!
/** The same value, open to the edits a broken file needs. */
const loose = (value: object) => value as Record<string, unknown>
const bad = (edit: Edit) => () => {
  const file = base()
  return edit(file) ?? file
}

const BAD_FILES: Record<string, () => unknown> = {
  'a list instead of a plan file': () => [base()],
  'no objectives at all': bad((f) => { delete loose(f).objectives }),
  'areas that are not a list': bad((f) => { loose(f).areas = { polizia_locale: 'Polizia locale' } }),
  'a plan ending before it starts': bad((f) => { f.plan.endYear = 2029 }),
  'a plan year before 2000 and not whole': bad((f) => { f.plan.startYear = 1999.5 }),
  'an unknown indicator kind': bad((f) => { loose(objective(f, 'par-pl-pattugliamento').indicator).kind = 'percentuale' }),
  'a share target of 140%': bad((f) => { f.objectives.find((o) => o.indicator.kind === 'share')!.indicator.target = 140 }),
  'a misspelt indicator field': bad((f) => {
    const indicator = loose(objective(f, 'par-pl-turni-serali').indicator)
    indicator.targt = indicator.target
    delete indicator.target
  }),
  'a deadline that is no calendar day, and one that is no date': bad((f) => {
    f.objectives[0]!.indicator.deadline = '2030-06-31'
    f.objectives[1]!.indicator.deadline = 'fine anno'
  }),
  'no entry kind, and an unknown one': bad((f) => {
    f.objectives[2]!.indicator.entryKinds = []
    loose(f.objectives[3]!.indicator).entryKinds = ['patrol', 'coffee_break']
  }),
  'duplicate objective ids': bad((f) => { f.objectives[1]!.id = f.objectives[0]!.id }),
  'duplicate area ids and positions': bad((f) => { f.areas.push({ ...f.areas[0]! }) }),
  'two objectives in one place of an area': bad((f) => { f.objectives[1]!.position = f.objectives[0]!.position }),
  'a contributing area that does not exist': bad((f) => { objective(f, 'par-terr-segnaletica').contributingAreas.push('vigili_del_fuoco') }),
  'an area contributing to its own objective': bad((f) => { objective(f, 'par-terr-segnaletica').contributingAreas.push('territorio') }),
  'an objective of another plan id': bad((f) => { f.objectives[4]!.planId = 'pisogne-2023-2025' }),
  'an objective of an area the file does not list': bad((f) => { f.areas = f.areas.filter((a) => a.id !== 'sociale') }),
  'an area id that is no slug': bad((f) => { f.areas[1]!.id = 'Area Amministrativa' }),
  'an objective id that is no slug, and one empty': bad((f) => {
    f.objectives[0]!.id = 'PL Pattugliamento'
    f.objectives[1]!.id = ''
  }),
  'an empty title, a position given as text and a missing data source': bad((f) => {
    f.objectives[5]!.title = ''
    loose(f.objectives[6]!).position = '1'
    delete loose(f.objectives[7]!).dataSource
  }),
  'an objective that is a list, another that is null': bad((f) => {
    const objectives: unknown[] = f.objectives
    objectives[0] = ['par-pl-pattugliamento']
    objectives[1] = null
  }),
  'a continued objective id that is no slug': bad((f) => { f.objectives[0]!.continuesObjectiveId = 'Pattugliamento 2023' }),
}

function appProblems(file: unknown): Omit<CatalogueProblem, 'detail'>[] {
  try {
    validateCatalogue(file)
  } catch (error) {
    if (error instanceof CatalogueError) return error.problems.map(({ code, subject, path }) => ({ code, subject, path }))
    throw error
  }
  return []
}

async function planRows(): Promise<number> {
  return withDatabase(async (db) => Number((await db.query(`select count(*) from public.plans where id = 'parity-2030-2032'`)).rows[0].count))
}

describe('validation parity: the app and import_plan refuse the same files alike', () => {
  let admin: Awaited<ReturnType<typeof signedInClient>>
  beforeAll(async () => {
    admin = await signedInClient(DEMO.admin)
  })

  it('starts from a file both accept', () => {
    expect(() => validateCatalogue(base())).not.toThrow()
  })

  it.each(Object.entries(BAD_FILES))('%s', async (_name, make) => {
    const file = make()
    const expected = appProblems(file)
    expect(expected.length).toBeGreaterThan(0)
    const { data, error } = await admin.rpc('import_plan', { plan: file })
    expect(error).toBeNull()
    expect(data.status).toBe('invalid')
    expect((data.problems as CatalogueProblem[]).map(({ code, subject, path }) => ({ code, subject, path }))).toEqual(expected)
    expect(await planRows()).toBe(0)
  })

  it('words each problem as the app does', async () => {
    for (const make of Object.values(BAD_FILES)) {
      const file = make()
      let details: string[] = []
      try {
        validateCatalogue(file)
      } catch (error) {
        details = (error as CatalogueError).problems.map((problem) => problem.detail)
      }
      const { data } = await admin.rpc('import_plan', { plan: file })
      expect((data.problems as CatalogueProblem[]).map((problem) => problem.detail)).toEqual(details)
    }
  })
})
