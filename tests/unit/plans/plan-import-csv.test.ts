import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { PISOGNE_CATALOGUE, type Catalogue } from '~/domain/catalogue'
import { createAppI18n } from '~/i18n'
import { FEATURE_MESSAGES } from '~/i18n/feature-messages'
import PlanFileImport from '~/features/plan-editor/components/PlanFileImport.vue'
import { checkPlanCsv, planTemplateCsv } from '~/features/plan-editor/plan-import-csv'
import { PLAN_CSV_COLUMNS } from '~/features/plan-editor/plan-import-csv-columns'
import { importPlan } from '~/sync/plans-api'

// The server's side of an import (import_plan) is tested on the real stack (tests/integration);
// here what the page sends, and that a bad file sends nothing.
vi.mock('~/sync/plans-api', async (original) => ({ ...(await original<object>()), importPlan: vi.fn() }))
vi.mock('~/sync/engine-runtime', () => ({ syncRuntime: () => ({ scheduler: { requestSync: vi.fn(async () => null) } }) }))

function nextPlan(): Catalogue {
  const plan = { ...PISOGNE_CATALOGUE.plan, id: 'pisogne-2026-2028', startYear: 2026, endYear: 2028 }
  return { plan, areas: PISOGNE_CATALOGUE.areas, objectives: PISOGNE_CATALOGUE.objectives.map((o) => ({ ...o, planId: plan.id })) }
}

/** The rows of a file, so a test can change one cell; joined back with `;` and no quoting needed. */
const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean)
const col = (header: string) => PLAN_CSV_COLUMNS.findIndex((c) => c.header === header)

function problemsOf(csv: string) {
  const check = checkPlanCsv(csv)
  if (check.ok) throw new Error('expected the file to be rejected')
  return check.problems.map((p) => ({ row: p.row, column: p.path }))
}

describe('plan import from CSV', () => {
  it('reads its own template back into exactly the bundled plan', () => {
    const check = checkPlanCsv(planTemplateCsv())
    expect(check.ok && check.catalogue).toEqual(PISOGNE_CATALOGUE)
  })

  it('reads next year\'s plan with or without the BOM Excel writes', () => {
    const csv = planTemplateCsv(nextPlan())
    expect(csv.startsWith('\uFEFF')).toBe(true)
    for (const file of [csv, csv.slice(1)]) {
      const check = checkPlanCsv(file)
      expect(check.ok && check.catalogue.objectives.map((o) => o.planId)).toEqual(Array(29).fill('pisogne-2026-2028'))
    }
  })

  it('keeps semicolons, quotes and line breaks inside a quoted field', () => {
    const plan = nextPlan()
    plan.objectives[0] = { ...plan.objectives[0]!, title: 'Controlli "serali"; in centro\ne in periferia' }
    const check = checkPlanCsv(planTemplateCsv(plan))
    expect(check.ok && check.catalogue.objectives[0]!.title).toBe('Controlli "serali"; in centro\ne in periferia')
  })

  it('rejects the whole file for one bad row, naming the row and the column', () => {
    const rows = lines(planTemplateCsv(nextPlan()))
    const cells = rows[5]!.split(';')
    cells[col('indicatore')] = 'indovina'
    cells[col('posizione')] = 'terza'
    rows[5] = cells.join(';')
    // Row 6 of the spreadsheet: the header is row 1.
    expect(problemsOf(rows.join('\n'))).toEqual([
      { row: 6, column: 'posizione' },
      { row: 6, column: 'indicatore' },
    ])
  })

  it('names a duplicate objective on the later of the two rows', () => {
    const rows = lines(planTemplateCsv(nextPlan()))
    const first = rows[1]!.split(';')
    const cells = rows[10]!.split(';')
    cells[col('id')] = first[col('id')]!
    rows[10] = cells.join(';')
    expect(problemsOf(rows.join('\n'))).toEqual([{ row: 11, column: 'id' }])
  })

  it('wants the plan columns to agree on every row, and a plan that ends after it starts', () => {
    const rows = lines(planTemplateCsv(nextPlan()))
    rows[3] = rows[3]!.replace('pisogne-2026-2028', 'pisogne-2027')
    expect(problemsOf(rows.join('\n'))).toContainEqual({ row: 4, column: 'piano_id' })
    const backwards = lines(planTemplateCsv(nextPlan())).map((line, i) => (i === 0 ? line : line.replace(';2026;2028;', ';2026;2020;')))
    expect(problemsOf(backwards.join('\n'))).toEqual([{ row: 2, column: 'anno_fine' }])
  })

  it('names a missing or unknown column on row 1, and an unclosed quote on its row', () => {
    const rows = lines(planTemplateCsv(nextPlan()))
    rows[0] = rows[0]!.replace('fonte_dati', 'fonte')
    expect(problemsOf(rows.join('\n'))).toEqual([
      { row: 1, column: 'fonte' },
      { row: 1, column: 'fonte_dati' },
    ])
    expect(problemsOf(`${lines(planTemplateCsv())[0]}\n"aperto;x`)).toEqual([{ row: 2, column: '' }])
  })
})

describe('plan import page with a CSV file', () => {
  beforeEach(() => {
    vi.mocked(importPlan).mockReset()
    vi.mocked(importPlan).mockImplementation(async (file) => ({ status: 'imported', planId: file.plan.id, objectives: file.objectives.length }))
  })

  async function pick(csv: string) {
    setActivePinia(createPinia())
    const page = mount(PlanFileImport, { global: { plugins: [createAppI18n('it', FEATURE_MESSAGES)] } })
    const input = page.find('input[type="file"]')
    // jsdom's File has no text(): the page reads only the name and the text.
    Object.defineProperty(input.element, 'files', { value: [{ name: 'piao-2026.csv', text: async () => csv }] })
    await input.trigger('change')
    await flushPromises()
    return page
  }

  it('lists the bad row by number and offers no import', async () => {
    const rows = lines(planTemplateCsv(nextPlan()))
    rows[2] = rows[2]!.replace(';count;', ';conta;')
    const page = await pick(rows.join('\n'))
    expect(page.find('[role="alert"]').text()).toContain('Riga 3')
    expect(page.find('[role="alert"]').text()).toContain('indicatore')
    expect(page.findAll('button').map((b) => b.text())).not.toContain('Importa come bozza (29 obiettivi)')
    expect(importPlan).not.toHaveBeenCalled()
  })

  it('previews a good file and sends the whole plan to the server as a draft', async () => {
    const page = await pick(planTemplateCsv(nextPlan()))
    expect(page.findAll('.import__preview tbody tr')).toHaveLength(29)
    await page.findAll('button').find((b) => b.text() === 'Importa come bozza (29 obiettivi)')!.trigger('click')
    await flushPromises()
    expect(importPlan).toHaveBeenCalledWith(nextPlan())
    expect(page.emitted('imported')).toEqual([['pisogne-2026-2028']])
  })

  it('shows the server\'s refusal of ids another plan uses against each objective, and opens nothing', async () => {
    vi.mocked(importPlan).mockResolvedValue({
      status: 'invalid',
      problems: [{ code: 'id_in_other_plan', subject: 'objective "pl-pattugliamento"', path: 'id', detail: 'used by plan "pisogne-2023-2025"' }],
    })
    const page = await pick(planTemplateCsv(nextPlan()))
    await page.findAll('button').find((b) => b.text() === 'Importa come bozza (29 obiettivi)')!.trigger('click')
    await flushPromises()
    expect(page.find('[role="alert"]').text()).toContain('Obiettivo «pl-pattugliamento»')
    expect(page.find('[role="alert"]').text()).toContain('codice già usato da un altro piano')
    expect(page.emitted('imported')).toBeUndefined()
  })
})
