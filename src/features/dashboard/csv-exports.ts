import type { Entry } from '~/domain/entry'
import type { Objective } from '~/domain/objective'
import type { Progress } from '~/domain/progress'
import { toCsv, type CsvColumn, type CsvDialect } from '~/domain/report-csv'
import messages from './messages'

/** Exports are for the municipality's offices: headers and statuses always in Italian. */
const STATUS_IT = messages.it.dashboard.status

export interface ProgressRow {
  objective: Objective
  progress: Progress
}

const PROGRESS_COLUMNS: CsvColumn<ProgressRow>[] = [
  { header: 'Area', value: (r) => r.objective.areaId },
  { header: 'Codice obiettivo', value: (r) => r.objective.id },
  { header: 'Obiettivo', value: (r) => r.objective.title },
  { header: 'Indicatore', value: (r) => r.objective.indicator.kind },
  { header: 'Valore', value: (r) => r.progress.value },
  { header: 'Valore obiettivo', value: (r) => r.progress.target },
  { header: 'Unità', value: (r) => r.progress.unit },
  { header: 'Atteso a oggi', value: (r) => r.progress.expected },
  { header: 'Stato', value: (r) => STATUS_IT[r.progress.status] },
  { header: 'Registrazioni', value: (r) => r.progress.entryCount },
  { header: 'Ultimo aggiornamento', value: (r) => r.progress.lastUpdate },
]

export function progressCsv(rows: ProgressRow[], dialect: CsvDialect): string {
  return toCsv(rows, PROGRESS_COLUMNS, dialect)
}

const ENTRY_COLUMNS: CsvColumn<Entry>[] = [
  { header: 'Codice', value: (e) => e.id },
  { header: 'Codice obiettivo', value: (e) => e.objectiveId },
  { header: 'Tipo', value: (e) => e.kind },
  { header: 'Data e ora (UTC)', value: (e) => e.occurredAt },
  { header: 'Stato segnalazione', value: (e) => e.status },
  { header: 'Autore', value: (e) => e.authorId },
  { header: 'Bloccata', value: (e) => e.locked },
  { header: 'Dettagli', value: (e) => JSON.stringify(e.payload) },
]

export function entriesCsv(entries: Entry[], dialect: CsvDialect): string {
  const sorted = [...entries].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
  return toCsv(sorted, ENTRY_COLUMNS, dialect)
}

/** Hands a text file to the browser's download, without a server round trip (works offline). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked on the next task: Chromium reads the blob when the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
