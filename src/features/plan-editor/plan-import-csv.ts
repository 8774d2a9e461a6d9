import { AREAS, PISOGNE_CATALOGUE, type Catalogue, type CatalogueProblem } from '~/domain/catalogue'
import { toCsv } from '~/domain/report-csv'
import { validatePlan, type ImportCheck, type ImportProblem } from './plan-import'
import { columnOfPath, getPath, PLAN_CSV_COLUMNS, readCell, setPath, writeCell, type PlanCsvColumn } from './plan-import-csv-columns'
import { CsvSyntaxError, parseCsvRecords, type CsvRecord } from './plan-import-csv-parse'

/**
 * Plan import from a CSV file (docs/plan-format.md): the rows become the same
 * `{ plan, areas, objectives }` the JSON path reads, checked as a whole by the same validator;
 * every problem is reported against its spreadsheet row and column.
 */

const PLAN_PREFIX = 'plan.'

const problem = (row: number, column: string, detail: string): ImportProblem => ({ code: 'invalid_field', subject: `row ${row}`, path: column, detail, row })

/** Header cells → column, in file order; unknown and missing columns are row-1 problems. */
function readHeader(header: CsvRecord, problems: ImportProblem[]): PlanCsvColumn[] {
  const byName = new Map(PLAN_CSV_COLUMNS.map((c) => [c.header, c]))
  const columns = header.cells.map((cell) => {
    const found = byName.get(cell.trim().toLowerCase())
    if (!found) problems.push(problem(1, cell, 'unknown column'))
    return found!
  })
  for (const c of PLAN_CSV_COLUMNS) if (!columns.includes(c)) problems.push(problem(1, c.header, 'missing column'))
  return columns
}

interface ReadRows {
  plan: Record<string, unknown>
  objectives: Record<string, unknown>[]
  /** Spreadsheet row of each objective, by its index in `objectives`. */
  rows: number[]
}

function readRows(records: CsvRecord[], columns: PlanCsvColumn[], problems: ImportProblem[]): ReadRows {
  const read: ReadRows = { plan: {}, objectives: [], rows: [] }
  const planCells = new Map<string, string>()
  for (const { row, cells } of records) {
    if (cells.length !== columns.length) {
      problems.push(problem(row, '', `expected ${columns.length} cells, found ${cells.length}`))
      continue
    }
    const objective: Record<string, unknown> = {}
    columns.forEach((c, i) => {
      const cell = cells[i]!.trim()
      if (!c.path.startsWith(PLAN_PREFIX)) return setPath(objective, c.path, readCell(c.type, cell))
      const first = planCells.get(c.header)
      if (first === undefined) {
        planCells.set(c.header, cell)
        setPath(read.plan, c.path.slice(PLAN_PREFIX.length), readCell(c.type, cell))
      } else if (first !== cell) problems.push(problem(row, c.header, `the plan's columns must be the same on every row ("${first}" above)`))
    })
    read.objectives.push({ planId: read.plan.id, ...objective })
    read.rows.push(row)
  }
  return read
}

/** The validator names objectives by id (or list index) and a field path: turn that into row and column. */
function locate(problems: CatalogueProblem[], read: ReadRows): ImportProblem[] {
  const rowsOf = new Map<string, number[]>()
  read.objectives.forEach((o, i) => {
    const subject = typeof o.id === 'string' && o.id !== '' ? `objective "${o.id}"` : `objectives[${i}]`
    rowsOf.set(subject, [...(rowsOf.get(subject) ?? []), read.rows[i]!])
  })
  return problems.map((p) => {
    const isPlan = p.subject === 'plan'
    const rows = isPlan ? read.rows : (rowsOf.get(p.subject) ?? [])
    // A duplicate is the later row's fault; anything else is on the first row that has it.
    const row = (p.code === 'duplicate_id' ? rows.at(-1) : rows[0]) ?? 1
    const column = columnOfPath(isPlan ? `${PLAN_PREFIX}${p.path}` : p.path)
    return { ...problem(row, column?.header ?? p.path, p.detail), code: p.code }
  })
}

export function checkPlanCsv(text: string): ImportCheck {
  let records: CsvRecord[]
  try {
    records = parseCsvRecords(text)
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, problems: [problem(error.row, '', 'a quoted field is never closed')] }
    throw error
  }
  const [header, ...body] = records
  if (!header || body.length === 0) return { ok: false, problems: [problem(2, '', 'the file has no objectives')] }
  const problems: ImportProblem[] = []
  const columns = readHeader(header, problems)
  if (problems.length > 0) return { ok: false, problems }
  const read = readRows(body, columns, problems)
  const check = validatePlan({ plan: read.plan, areas: AREAS, objectives: read.objectives })
  if (!check.ok) problems.push(...locate(check.problems, read))
  return problems.length > 0 ? { ok: false, problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) } : check
}

/** The downloadable template: the current plan, one row per objective, for Excel (`;`, BOM). */
export function planTemplateCsv(catalogue: Catalogue = PISOGNE_CATALOGUE): string {
  const cell = (c: PlanCsvColumn) => (objective: Catalogue['objectives'][number]) =>
    writeCell(c.type, c.path.startsWith(PLAN_PREFIX) ? getPath(catalogue.plan, c.path.slice(PLAN_PREFIX.length)) : getPath(objective, c.path))
  return toCsv(catalogue.objectives, PLAN_CSV_COLUMNS.map((c) => ({ header: c.header, value: cell(c) })), 'excel-it')
}
