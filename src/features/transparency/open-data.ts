import { toCsv, type CsvColumn } from '~/domain/report-csv'
import dashboardMessages from '~/features/dashboard/messages'
import type { PublishedObjective, PublishedSnapshot } from './snapshot'

/**
 * The open data of one published snapshot (issue 15, item 3): the figures as CSV (`;`, BOM,
 * Excel-ready: src/domain/report-csv.ts) and JSON, and their DCAT-AP_IT metadata as JSON-LD,
 * so the national catalogue (dati.gov.it) can harvest them. Everything comes from the snapshot
 * alone: the files of a snapshot never change, as the snapshot never does.
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

/** File names that sort by date and say which comune they are of. */
export function openDataFileName(snapshot: PublishedSnapshot, kind: 'csv' | 'json' | 'metadata'): string {
  const base = `performance-${snapshot.body.municipality.istatCode}-${snapshot.asOf}`
  return kind === 'metadata' ? `${base}-dcat-ap_it.jsonld` : `${base}.${kind}`
}

const EU = 'http://publications.europa.eu/resource/authority'

/**
 * DCAT-AP_IT (https://www.dati.gov.it/onto/dcatapit) for one snapshot: a dcatapit:Dataset with
 * the comune as publisher and rights holder (dcatapit:Agent identified by its ISTAT code), the
 * licence on each distribution (CC BY 4.0), the period the figures cover (1 January of the year
 * measured to the snapshot's date), the publication day as dct:modified. `pageUrl` is the
 * snapshot's stable public link, the access URL of both distributions.
 */
export function dcatMetadata(snapshot: PublishedSnapshot, pageUrl: string): Record<string, unknown> {
  const { municipality, plan, year, asOf } = snapshot.body
  const comune = { '@type': ['dcatapit:Agent', 'foaf:Agent'], 'dct:identifier': municipality.istatCode, 'foaf:name': municipality.name }
  const published = snapshot.publishedAt.slice(0, 10)
  const distribution = (format: 'CSV' | 'JSON', mediaType: string) => ({
    '@type': 'dcatapit:Distribution',
    'dct:title': `${plan.title}: valori al ${asOf} (${format})`,
    'dct:format': { '@id': `${EU}/file-type/${format}` },
    'dcat:mediaType': mediaType,
    'dcat:accessURL': { '@id': pageUrl },
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
    'dcat:distribution': [distribution('CSV', 'text/csv'), distribution('JSON', 'application/json')],
  }
}
