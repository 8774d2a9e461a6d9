/**
 * Reads a delimited text file into records (RFC 4180: fields in double quotes may hold the
 * separator, line breaks and doubled quotes). A UTF-8 BOM is dropped. Blank lines are skipped,
 * so a trailing newline or an empty last line of a spreadsheet export adds no record.
 */

export interface CsvRecord {
  /** The record's number as a spreadsheet shows it: the header is row 1. */
  row: number
  cells: string[]
}

export class CsvSyntaxError extends Error {
  readonly code = 'csv_unclosed_quote'
  constructor(readonly row: number) {
    super(`row ${row}: a quoted field is never closed`)
    this.name = 'CsvSyntaxError'
  }
}

export function parseCsvRecords(text: string, separator = ';'): CsvRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let rowNumber = 1

  const endRecord = () => {
    cells.push(cell)
    if (cells.length > 1 || cells[0] !== '') records.push({ row: rowNumber++, cells })
    cells = []
    cell = ''
  }

  for (let i = 0; i < source.length; i++) {
    const char = source[i]!
    if (quoted) {
      if (char !== '"') cell += char
      else if (source[i + 1] === '"') cell += source[++i]
      else quoted = false
    } else if (char === '"' && cell === '') quoted = true
    else if (char === separator) {
      cells.push(cell)
      cell = ''
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[i + 1] === '\n') i++
      endRecord()
    } else cell += char
  }
  if (quoted) throw new CsvSyntaxError(rowNumber)
  if (cell !== '' || cells.length > 0) endRecord()
  return records
}
