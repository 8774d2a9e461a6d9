/**
 * CSV for Excel and for everything else. Italian Excel expects `;` and needs a UTF-8 BOM
 * to read accents right; the standard option is plain RFC 4180 with `,`.
 */
export type CsvDialect = 'excel-it' | 'standard'

export interface CsvColumn<T> {
  header: string
  value: (row: T) => string | number | boolean | null
}

const BOM = '\uFEFF'

/**
 * A cell that starts with = + - @ (or a tab/CR) would run as a formula in a spreadsheet
 * (CSV injection): prefix it with an apostrophe so it is shown as text.
 */
function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

function formatCell(value: string | number | boolean | null, separator: string): string {
  if (value === null) return ''
  if (typeof value === 'number') {
    // Italian Excel reads "75,5" as a number and "75.5" as text.
    return separator === ';' ? String(value).replace('.', ',') : String(value)
  }
  const text = guardFormula(typeof value === 'boolean' ? (value ? 'sì' : 'no') : value)
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv<T>(rows: T[], columns: CsvColumn<T>[], dialect: CsvDialect = 'excel-it'): string {
  const separator = dialect === 'excel-it' ? ';' : ','
  const lines = [
    columns.map((c) => formatCell(c.header, separator)).join(separator),
    ...rows.map((row) => columns.map((c) => formatCell(c.value(row), separator)).join(separator)),
  ]
  const body = lines.join('\r\n') + '\r\n'
  return dialect === 'excel-it' ? BOM + body : body
}
