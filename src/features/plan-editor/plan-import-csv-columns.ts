/**
 * The CSV plan format (docs/plan-format.md): one row per objective, `;`-separated, these
 * columns in any order. The plan's own columns (piano_*) repeat on every row and must agree.
 * Empty cells are null (numbers, scadenza); lists are separated by commas.
 */

type CellType = 'text' | 'nullableText' | 'number' | 'list'

export interface PlanCsvColumn {
  header: string
  /** Where the value goes: `plan.<field>` or an objective's dotted field path. */
  path: string
  type: CellType
}

const column = (header: string, path: string, type: CellType = 'text'): PlanCsvColumn => ({ header, path, type })

export const PLAN_CSV_COLUMNS: readonly PlanCsvColumn[] = [
  column('piano_id', 'plan.id'),
  column('piano_titolo', 'plan.title'),
  column('comune', 'plan.municipality'),
  column('anno_inizio', 'plan.startYear', 'number'),
  column('anno_fine', 'plan.endYear', 'number'),
  column('approvato_da', 'plan.approvedBy'),
  column('id', 'id'),
  column('area', 'areaId'),
  column('posizione', 'position', 'number'),
  column('aree_contributrici', 'contributingAreas', 'list'),
  column('titolo', 'title'),
  column('responsabile', 'responsabile'),
  column('stakeholder', 'stakeholder'),
  column('contributori', 'contributors'),
  column('tempistica', 'timeframe'),
  column('misurazione', 'measurement'),
  column('baseline_testo', 'baselineText'),
  column('target_atteso', 'expectedTarget'),
  column('fonte_dati', 'dataSource'),
  column('indicatore', 'indicator.kind'),
  column('target', 'indicator.target', 'number'),
  column('incremento_pct', 'indicator.relativeIncreasePct', 'number'),
  column('unita', 'indicator.unit'),
  column('periodo', 'indicator.period'),
  column('scadenza', 'indicator.deadline', 'nullableText'),
  column('baseline_valore', 'indicator.baseline.value', 'number'),
  column('baseline_anno', 'indicator.baseline.year', 'number'),
  column('baseline_fonte', 'indicator.baseline.source'),
  column('entro_giorni', 'indicator.withinDays', 'number'),
  column('tipi_registrazione', 'indicator.entryKinds', 'list'),
]

/** Spreadsheets write "75,5"; a cell that is no number stays text, so the validator names it. */
function toNumber(cell: string): number | string {
  const normalised = cell.trim().replace(',', '.')
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : cell
}

/** The exports prefix `'` to cells starting with = + - @ (formula guard): undo it on the way in. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell)

export function readCell(type: CellType, raw: string): unknown {
  const cell = unguard(raw)
  const blank = cell.trim() === ''
  switch (type) {
    case 'text':
      return cell.trim()
    case 'nullableText':
      return blank ? null : cell.trim()
    case 'number':
      // Null where a number is required is reported by the validator, against this column.
      return blank ? null : toNumber(cell)
    case 'list':
      return blank ? [] : cell.split(',').map((item) => item.trim())
  }
}

export function writeCell(type: CellType, value: unknown): string | number | null {
  if (type === 'list') return (value as string[]).join(', ')
  return value as string | number | null
}

export function getPath(source: object, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], source)
}

export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  const last = keys.pop()!
  let node = target
  for (const key of keys) node = (node[key] ??= {}) as Record<string, unknown>
  node[last] = value
}

/** The column a validator's field path falls in (`indicator.entryKinds.1` → tipi_registrazione). */
export function columnOfPath(path: string): PlanCsvColumn | undefined {
  return PLAN_CSV_COLUMNS.find((c) => path === c.path || path.startsWith(`${c.path}.`))
}
