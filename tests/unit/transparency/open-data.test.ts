import { describe, expect, it } from 'vitest'
import { dcatMetadata, LICENCE_URL, openDataFileName, snapshotCsv, snapshotJson } from '~/features/transparency/open-data'
import { PUBLISHED_SNAPSHOT as snapshot } from '../../support/published-snapshot'

const ORIGIN = 'https://sulcampo.example.it'
const PAGE = `${ORIGIN}/trasparenza/3b8e7c1a-0000-4000-8000-000000000001`

describe('open data of a published snapshot', () => {
  it('is a CSV Italian Excel opens as it is: BOM, `;`, decimal commas, Italian statuses, no formulas', () => {
    const csv = snapshotCsv(snapshot)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[0]).toBe('Area;Codice obiettivo;Obiettivo;Target previsto dal PIAO;Valore;Valore obiettivo;Unità;Stato;Nota del responsabile')
    expect(lines[1]).toBe(`Area polizia locale;pl-pattugliamento;"Aumento del pattugliamento; controlli ""serali""";'+10% rispetto al 2022;412,5;440;pattuglie;A rischio;'=SOMMA(A1) non è una formula`)
    expect(lines[2]).toBe('Area polizia locale;pl-segnaletica;Segnaletica;;0;;%;Non avviato;')
    expect(lines).toHaveLength(4)
  })

  it('is JSON of the figures with the snapshot id and publication time', () => {
    const json = JSON.parse(snapshotJson(snapshot)) as Record<string, unknown>
    expect(json).toMatchObject({ id: snapshot.id, publishedAt: snapshot.publishedAt, asOf: '2026-11-30', municipality: { istatCode: '017143' } })
    expect(json.objectives).toEqual(snapshot.body.objectives)
  })

  it('names files by comune and date', () => {
    expect(['csv', 'json', 'metadata'].map((k) => openDataFileName(snapshot, k as 'csv'))).toEqual([
      'performance-017143-2026-11-30.csv', 'performance-017143-2026-11-30.json', 'performance-017143-2026-11-30-dcat-ap_it.jsonld',
    ])
  })
})

/** The properties DCAT-AP_IT makes mandatory (M) for a dataset, an agent and a distribution. */
const DATASET_REQUIRED = ['dct:identifier', 'dct:title', 'dct:description', 'dct:modified', 'dcat:theme', 'dct:rightsHolder', 'dct:accrualPeriodicity', 'dcat:distribution']
const AGENT_REQUIRED = ['dct:identifier', 'foaf:name']
const DISTRIBUTION_REQUIRED = ['dct:format', 'dcat:accessURL', 'dct:license']

/** A JSON-LD node, read loosely: the test checks what it holds. */
type Node = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const missing = (node: Node, keys: string[]) => keys.filter((k) => node[k] === undefined || node[k] === '')

describe('DCAT-AP_IT metadata', () => {
  const doc = dcatMetadata(snapshot, ORIGIN) as Node

  it('is a dcatapit:Dataset with every mandatory property', () => {
    expect(doc['@type']).toContain('dcatapit:Dataset')
    expect(doc['@context']).toMatchObject({ dcatapit: 'http://dati.gov.it/onto/dcatapit#', dct: 'http://purl.org/dc/terms/', dcat: 'http://www.w3.org/ns/dcat#' })
    expect(missing(doc, DATASET_REQUIRED)).toEqual([])
    expect(doc['dct:modified']).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('names the comune, by its ISTAT code, as publisher and rights holder', () => {
    for (const agent of [doc['dct:publisher'], doc['dct:rightsHolder']]) {
      expect(agent['@type']).toContain('dcatapit:Agent')
      expect(missing(agent, AGENT_REQUIRED)).toEqual([])
      expect(agent).toMatchObject({ 'dct:identifier': '017143', 'foaf:name': 'Comune di Pisogne' })
    }
  })

  it('gives the period, the theme GOVE and an update frequency from the EU vocabularies', () => {
    expect(doc['dct:temporal']).toEqual({ '@type': 'dct:PeriodOfTime', 'schema:startDate': '2026-01-01', 'schema:endDate': '2026-11-30' })
    expect(doc['dcat:theme']['@id']).toBe('http://publications.europa.eu/resource/authority/data-theme/GOVE')
    expect(doc['dct:accrualPeriodicity']['@id']).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/frequency\/[A-Z_]+$/)
  })

  it('has a CSV and a JSON distribution under CC BY 4.0, each a file on the app’s server a harvester fetches; the page is the landing page', () => {
    const distributions = doc['dcat:distribution'] as Node[]
    expect(distributions.map((d) => d['dcat:mediaType'])).toEqual(['text/csv', 'application/json'])
    expect(distributions.map((d) => d['dcat:downloadURL']['@id'])).toEqual([
      `${ORIGIN}/trasparenza/dati/${snapshot.id}.csv`, `${ORIGIN}/trasparenza/dati/${snapshot.id}.json`,
    ])
    for (const d of distributions) {
      expect(d['@type']).toBe('dcatapit:Distribution')
      expect(missing(d, DISTRIBUTION_REQUIRED)).toEqual([])
      expect(d['dct:license']['@id']).toBe(LICENCE_URL)
      expect(d['dcat:accessURL']).toEqual(d['dcat:downloadURL'])
    }
    expect(doc['dcat:landingPage']['@id']).toBe(PAGE)
  })
})
