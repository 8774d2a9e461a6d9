import { describe, expect, it } from 'vitest'
import { toCsv, type CsvColumn } from '~/domain/report-csv'

interface Row {
  title: string
  value: number | null
  done: boolean
}
const columns: CsvColumn<Row>[] = [
  { header: 'Obiettivo', value: (r) => r.title },
  { header: 'Valore', value: (r) => r.value },
  { header: 'Fatto', value: (r) => r.done },
]

describe('CSV export', () => {
  it('writes Italian Excel CSV: BOM, ";" separator, decimal comma, CRLF lines', () => {
    const csv = toCsv([{ title: 'Pattugliamento', value: 93.6, done: false }], columns)
    expect(csv).toBe('\uFEFFObiettivo;Valore;Fatto\r\nPattugliamento;93,6;no\r\n')
  })

  it('writes standard CSV with "," and no BOM', () => {
    expect(toCsv([{ title: 'Neve', value: 100, done: true }], columns, 'standard')).toBe('Obiettivo,Valore,Fatto\r\nNeve,100,sì\r\n')
  })

  it('quotes separators, quotes and line breaks as RFC 4180 says', () => {
    const csv = toCsv([{ title: 'Via "Roma"; lato\nnord', value: null, done: false }], columns, 'excel-it')
    expect(csv.split('\r\n')[1]).toBe('"Via ""Roma""; lato\nnord";;no')
    expect(toCsv([{ title: 'a,b', value: 1, done: true }], columns, 'standard').split('\r\n')[1]).toBe('"a,b",1,sì')
  })

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    for (const attack of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)']) {
      const cell = toCsv([{ title: attack, value: null, done: false }], columns, 'standard').split('\r\n')[1]!.split(',')[0]!
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true)
    }
  })

  it('keeps negative numbers as numbers', () => {
    expect(toCsv([{ title: 'x', value: -3, done: false }], columns, 'standard').split('\r\n')[1]).toBe('x,-3,no')
  })
})
