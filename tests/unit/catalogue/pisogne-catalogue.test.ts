import { describe, expect, it } from 'vitest'
import { AREAS, PISOGNE_AREA_IDS, PISOGNE_CATALOGUE, PISOGNE_OBJECTIVES, PISOGNE_PLAN, validateCatalogue } from '~/domain/catalogue'

function objective(id: string) {
  const found = PISOGNE_OBJECTIVES.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no objective ${id}`)
  return found
}

describe('the Pisogne PIAO 2023–2025 catalogue', () => {
  it('has the 29 objectives of the plan in its six areas', () => {
    const perArea = Object.fromEntries(
      PISOGNE_AREA_IDS.map((area) => [area, PISOGNE_OBJECTIVES.filter((o) => o.areaId === area).length]),
    )
    expect(perArea).toEqual({
      trasversali: 4,
      amministrativa: 7,
      finanziaria: 5,
      territorio: 5,
      polizia_locale: 4,
      sociale: 4,
    })
    expect(PISOGNE_OBJECTIVES).toHaveLength(29)
    expect(AREAS.map((area) => area.id)).toEqual([...PISOGNE_AREA_IDS])
  })

  it('passes its own validation', () => {
    expect(validateCatalogue(PISOGNE_CATALOGUE)).toEqual(PISOGNE_CATALOGUE)
  })

  it('belongs to the plan approved by the Giunta on 15.03.2023', () => {
    expect(PISOGNE_PLAN).toMatchObject({
      id: 'pisogne-2023-2025',
      municipality: 'Comune di Pisogne',
      startYear: 2023,
      endYear: 2025,
      approvedBy: 'Delibera Giunta Comunale n. 50 del 15.03.2023',
    })
    expect(new Set(PISOGNE_OBJECTIVES.map((o) => o.planId))).toEqual(new Set(['pisogne-2023-2025']))
  })

  it('measures patrols as 10% more than the 2022 count a manager enters, by the end of 2024', () => {
    expect(objective('pl-pattugliamento').indicator).toEqual({
      kind: 'count',
      target: null,
      relativeIncreasePct: 10,
      unit: 'pattuglie',
      period: 'year',
      deadline: '2024-12-31',
      baseline: { value: null, year: 2022, source: 'manager' },
      withinDays: null,
      entryKinds: ['patrol', 'checkpoint'],
    })
  })

  it('wants at least 75% of signage reports fixed within 8 days, with the Polizia Locale contributing', () => {
    const signage = objective('terr-segnaletica')
    expect(signage.indicator).toMatchObject({
      kind: 'share',
      target: 75,
      withinDays: 8,
      deadline: '2023-12-31',
      entryKinds: ['maintenance_report'],
    })
    expect(signage.areaId).toBe('territorio')
    expect(signage.contributingAreas).toContain('polizia_locale')
  })

  it('wants at least 70 IMU/TARI assessment notices a year', () => {
    expect(objective('fin-imu-tari').indicator).toMatchObject({
      kind: 'count',
      target: 70,
      relativeIncreasePct: null,
      unit: 'avvisi di accertamento',
      period: 'year',
      entryKinds: ['count_update'],
    })
  })

  it('wants the whole snow plan programme served in every snow event', () => {
    expect(objective('terr-piano-neve').indicator).toMatchObject({
      kind: 'completion',
      target: 100,
      period: 'event',
      deadline: null,
      entryKinds: ['snow_intervention'],
    })
  })

  it('reads the impossible "31.06.2023" of the library objective as the end of June', () => {
    const library = objective('amm-biblioteca')
    expect(library.timeframe).toBe('Entro il 31.06.2023')
    expect(library.indicator).toMatchObject({ kind: 'milestone', deadline: '2023-06-30' })
  })

  it('compares evening shifts with the monthly programme and leaves mountain checks to a manager target', () => {
    expect(objective('pl-turni-serali').indicator).toMatchObject({
      kind: 'completion',
      target: 100,
      deadline: '2023-12-31',
      entryKinds: ['evening_shift'],
    })
    expect(objective('pl-fascia-montana').indicator).toMatchObject({
      kind: 'count',
      target: null,
      baseline: { value: null, year: 2022, source: 'manager' },
      entryKinds: ['territory_check'],
    })
  })

  it('lets the Polizia Locale and the maintenance office log work for the Mostra Mercato', () => {
    expect(objective('amm-mostra-mercato').contributingAreas).toEqual(['polizia_locale', 'territorio'])
  })

  it('keeps the PIAO text verbatim, typos included, without markup', () => {
    expect(objective('pl-pattugliamento').title).toBe(
      'Pattugliamento per controllo del territorio. Posti di controllo violazioni CdS - controllo mirato per guida senza assicurazione, senza reisione, veicoli con gravami. Controllo rispetto regolamenti comunali.',
    )
    expect(objective('terr-modulistica').expectedTarget).toBe(
      "Riorganizzaione funzionale e miglioramento della gestione delle patriche dell'ufficio",
    )
    expect(objective('tr-competenze-digitali').responsabile).toBe('RTD, tutti i responsabili di servizio PPO')
    expect(objective('tr-amministrazione-trasparente').dataSource).toBe(
      'Sito istituzionale _ https://www.comune.pisogne.bs.it/Pages/amministrazione_trasparente_v3_0/',
    )
    expect(objective('fin-politiche-personale').baselineText).toBe('Piano del fabbisogno di personale 2023')
  })

  it('joins a title written as a bulleted list into one line that keeps every item', () => {
    const title = objective('tr-digitalizzazione-processi').title
    expect(title).toMatch(/^Promozione della digitalizzazione e semplificazione dei processi mediante: - definizione di moduli online/)
    expect(title).toContain('; - agevolazione di pagamenti on line al fine di dare un miglior servizio')
    expect(title).toMatch(/- individuazione e formazione di facilitatori digitali \(anche mediante adesione al servizio civile digitale\)$/)
    const allText = PISOGNE_OBJECTIVES.flatMap((o) => [o.title, o.measurement, o.dataSource, o.expectedTarget])
    for (const text of allText) expect(text).not.toMatch(/<\/?[a-z]+|\*\*|\s{2}/)
  })
})
