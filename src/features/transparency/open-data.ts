import { toCsv, type CsvColumn } from '~/domain/report-csv'
import dashboardMessages from '~/features/dashboard/messages'
import { TRANSPARENCY_PATH } from './routes'
import type { PublishedObjective, PublishedSnapshot } from './snapshot'

/**
 * The open data of one published snapshot (issue 15, item 3): the figures as CSV (`;`, BOM,
 * Excel-ready: src/domain/report-csv.ts) and JSON, and their DCAT-AP_IT metadata as JSON-LD,
 * so the national catalogue (dati.gov.it) can harvest them. Everything comes from the snapshot
 * alone: the files of a snapshot never change, as the snapshot never does. The page's buttons
 * and the app's server (`/trasparenza/dati/<id>.<ext>`, what the metadata points a harvester at)
 * both make them with `openDataFile`, so a harvester fetches the very bytes a visitor downloads.
 */

/** Open data is in Italian, as the page and the act it accompanies. */
const STATUS_IT = dashboardMessages.it.dashboard.status

export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/'

const COLUMNS: CsvColumn<PublishedObjective>[] = [
  { header: 'Area', value: (o) => o.areaName },
  { header: 'Codice obiettivo', value: (o) => o.id },
  { header: 'Obiettivo', value: (o) => o.title },
  { header: 'Target previsto dal PIAO', value: (o) => o.expectedTarget },
  { header: 'Valore', value: (o) => o.value },
  { header: 'Valore obiettivo', value: (o) => o.target },
  { header: 'Unità', value: (o) => o.unit },
  { header: 'Stato', value: (o) => STATUS_IT[o.status] },
  { header: 'Nota del responsabile', value: (o) => o.note },
]

export function snapshotCsv(snapshot: PublishedSnapshot): string {
  return toCsv(snapshot.body.objectives, COLUMNS)
}

/** The snapshot as published, with its id and publication time: what the CSV says, and the plan. */
export function snapshotJson(snapshot: PublishedSnapshot): string {
  return JSON.stringify({ id: snapshot.id, publishedAt: snapshot.publishedAt, ...snapshot.body }, null, 2) + '\n'
}

export type OpenDataKind = 'csv' | 'json' | 'metadata'

const EXTENSION: Record<OpenDataKind, string> = { csv: 'csv', json: 'json', metadata: 'jsonld' }
const MEDIA_TYPE: Record<OpenDataKind, string> = { csv: 'text/csv;charset=utf-8', json: 'application/json', metadata: 'application/ld+json' }

/** File names that sort by date and say which comune they are of. */
export function openDataFileName(snapshot: PublishedSnapshot, kind: OpenDataKind): string {
  const base = `performance-${snapshot.body.municipality.istatCode}-${snapshot.asOf}`
  return kind === 'metadata' ? `${base}-dcat-ap_it.jsonld` : `${base}.${kind}`
}

/** Where the app's server answers a snapshot's file without a browser: `/trasparenza/dati/<id>.csv|json|jsonld`. */
export const OPEN_DATA_PATH = `${TRANSPARENCY_PATH}/dati`

export function openDataUrl(origin: string, snapshotId: string, kind: OpenDataKind): string {
  return `${origin}${OPEN_DATA_PATH}/${snapshotId}.${EXTENSION[kind]}`
}

/** The kind a served file's extension names, or null. */
export function openDataKindOf(extension: string): OpenDataKind | null {
  return (Object.keys(EXTENSION) as OpenDataKind[]).find((kind) => EXTENSION[kind] === extension) ?? null
}

/** One file of the snapshot as the page downloads it and the server serves it; `origin` is the app's. */
export function openDataFile(snapshot: PublishedSnapshot, kind: OpenDataKind, origin: string): { name: string; type: string; text: string } {
  const text =
    kind === 'csv' ? snapshotCsv(snapshot) : kind === 'json' ? snapshotJson(snapshot) : JSON.stringify(dcatMetadata(snapshot, origin), null, 2) + '\n'
  return { name: openDataFileName(snapshot, kind), type: MEDIA_TYPE[kind], text }
}

const EU = 'http://publications.europa.eu/resource/authority'

/**
 * DCAT-AP_IT (https://www.dati.gov.it/onto/dcatapit) for one snapshot: a dcatapit:Dataset with
 * the comune as publisher and rights holder (dcatapit:Agent identified by its ISTAT code), the
 * licence on each distribution (CC BY 4.0), the period the figures cover (1 January of the year
 * measured to the snapshot's date), the publication day as dct:modified. The landing page is the
 * snapshot's stable public link; each distribution's access and download URL is its file on the
 * app's server (`origin`), which a harvester fetches without a browser.
 */
export function dcatMetadata(snapshot: PublishedSnapshot, origin: string): Record<string, unknown> {
  const { municipality, plan, year, asOf } = snapshot.body
  const pageUrl = `${origin}${TRANSPARENCY_PATH}/${snapshot.id}`
  const comune = { '@type': ['dcatapit:Agent', 'foaf:Agent'], 'dct:identifier': municipality.istatCode, 'foaf:name': municipality.name }
  const published = snapshot.publishedAt.slice(0, 10)
  const distribution = (kind: 'csv' | 'json', mediaType: string) => ({
    '@id': openDataUrl(origin, snapshot.id, kind),
    '@type': 'dcatapit:Distribution',
    'dct:title': `${plan.title}: valori al ${asOf} (${kind.toUpperCase()})`,
    'dct:format': { '@id': `${EU}/file-type/${kind.toUpperCase()}` },
    'dcat:mediaType': mediaType,
    'dcat:accessURL': { '@id': openDataUrl(origin, snapshot.id, kind) },
    'dcat:downloadURL': { '@id': openDataUrl(origin, snapshot.id, kind) },
    'dct:license': { '@id': LICENCE_URL, '@type': 'dcatapit:LicenseDocument', 'foaf:name': 'CC BY 4.0' },
  })
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dcatapit: 'http://dati.gov.it/onto/dcatapit#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      schema: 'http://schema.org/',
    },
    '@id': pageUrl,
    '@type': ['dcatapit:Dataset', 'dcat:Dataset'],
    'dct:identifier': `${municipality.istatCode}:performance:${snapshot.id}`,
    'dct:title': `${municipality.name} – Performance: ${plan.title}, stato al ${asOf}`,
    'dct:description':
      `Valori, obiettivi e stato di avanzamento degli obiettivi di performance del ${plan.title} (${plan.adoptedBy}) ` +
      `al ${asOf}, con la nota del responsabile di ciascun obiettivo. Dati aggregati: nessun dato personale.`,
    'dct:publisher': comune,
    'dct:rightsHolder': comune,
    'dct:issued': published,
    'dct:modified': published,
    'dct:temporal': { '@type': 'dct:PeriodOfTime', 'schema:startDate': `${year}-01-01`, 'schema:endDate': asOf },
    'dct:accrualPeriodicity': { '@id': `${EU}/frequency/IRREG` },
    'dcat:theme': { '@id': `${EU}/data-theme/GOVE` },
    'dct:language': { '@id': `${EU}/language/ITA` },
    'dcat:landingPage': { '@id': pageUrl },
    'dcat:distribution': [distribution('csv', 'text/csv'), distribution('json', 'application/json')],
  }
}
