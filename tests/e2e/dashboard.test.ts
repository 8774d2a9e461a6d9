import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { runAxe } from '../support/axe'
import { entries, managerPage, POLIZIA_LOCALE_IDS, seed, setting, statusOf, type ManagerPage } from './dashboard-fixtures'

describe('managers\' dashboard', () => {
  let opened: ManagerPage | undefined
  beforeAll(async () => {
    await mkdir('test-results', { recursive: true })
  })
  afterEach(async () => {
    await opened?.close()
    opened = undefined
  })

  it('shows the 4 Polizia Locale objectives, and patrols move from at risk to on track as entries arrive', async () => {
    const appUrl = inject('appUrl')
    opened = await managerPage(appUrl, { objectiveSettings: [setting('pl-pattugliamento', { baselineValue: 400 })], entries: entries('pl-pattugliamento', 'patrol', 180) })
    const { page } = opened
    await page.goto(`${appUrl}/cruscotto`)
    await page.locator('tr[data-objective="pl-pattugliamento"]').waitFor()
    for (const id of POLIZIA_LOCALE_IDS) await expect(page.locator(`tr[data-objective="${id}"]`).count(), id).resolves.toBe(1)
    // 180 of the 219.2 patrols expected by 1 July (82%).
    await expect(statusOf(page, 'pl-pattugliamento')).resolves.toBe('at_risk')
    await expect(statusOf(page, 'pl-turni-serali')).resolves.toBe('not_started')
    await page.screenshot({ path: 'test-results/dashboard-overview-1280.png', fullPage: true })

    await seed(page, { entries: entries('pl-pattugliamento', 'checkpoint', 50) })
    await page.reload()
    await page.locator('tr[data-objective="pl-pattugliamento"]').waitFor()
    await expect(statusOf(page, 'pl-pattugliamento')).resolves.toBe('on_track')
    await page.getByRole('link', { name: /Pattugliamento per controllo/ }).click()
    // January: 40 patrols and 30 checkpoints (the factory logs one a day from 2 January).
    await expect.poll(() => page.getByTestId('explanation').textContent(), { timeout: 10_000 }).toContain('230 pattuglie nel 2024 rispetto a un obiettivo di 440 = 400 del 2022 + 10%')
    // The chart's entries are read after the page shows; wait for them rather than for the first paint.
    const january = page.getByRole('table', { name: 'Dati del grafico, 2024' }).locator('tbody tr').first()
    await expect.poll(() => january.textContent(), { timeout: 10_000 }).toMatch(/gen.*70.*70/)
    await page.screenshot({ path: 'test-results/dashboard-objective-1280.png', fullPage: true })
  })

  it('downloads the progress and the entries as CSV, Italian Excel or standard, and the rows parse back', async () => {
    const appUrl = inject('appUrl')
    opened = await managerPage(appUrl, { objectiveSettings: [setting('pl-pattugliamento', { baselineValue: 400 })], entries: entries('pl-pattugliamento', 'patrol', 412) })
    const { page } = opened
    await page.goto(`${appUrl}/cruscotto`)
    await page.getByLabel('Area', { exact: true }).selectOption('polizia_locale')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scarica l’avanzamento (CSV)' }).click()])
    const text = await readFile((await download.path())!, 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const lines = text.slice(1).trimEnd().split('\r\n').map((line) => line.split(';'))
    expect(lines[0]).toEqual(['Area', 'Codice obiettivo', 'Obiettivo', 'Indicatore', 'Valore', 'Valore obiettivo', 'Unità', 'Atteso a oggi', 'Stato', 'Registrazioni', 'Ultimo aggiornamento'])
    expect(lines.slice(1).map((cells) => cells[1])).toEqual(POLIZIA_LOCALE_IDS)
    const patrols = lines.find((cells) => cells[1] === 'pl-pattugliamento')!
    expect([patrols[4], patrols[5], patrols[8]]).toEqual(['412', '440', 'In linea'])

    await page.getByLabel('Formato').selectOption('standard')
    const [entriesDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scarica le registrazioni (CSV)' }).click()])
    const rows = (await readFile((await entriesDownload.path())!, 'utf8')).trimEnd().split('\r\n')
    expect(rows[0]).toBe('Codice,Codice obiettivo,Tipo,Data e ora (UTC),Stato segnalazione,Autore,Bloccata,Dettagli')
    expect(rows.slice(1).filter((row) => row.includes(',pl-pattugliamento,patrol,'))).toHaveLength(412)
  })

  it('prints the monitoring report of the area to a PDF with the 4 Polizia Locale objectives and the manager\'s note', async () => {
    const appUrl = inject('appUrl')
    opened = await managerPage(appUrl)
    const { page } = opened
    await page.goto(`${appUrl}/cruscotto/report?area=polizia_locale&anno=2024`)
    const note = page.locator('section[data-objective="pl-pattugliamento"] textarea')
    await note.fill('Organico ridotto nei mesi estivi.')
    await page.locator('section[data-objective="pl-pattugliamento"]').getByRole('button', { name: 'Salva nota' }).click()
    await page.getByText('Nota salvata').waitFor()
    await page.reload()
    await expect(note.inputValue()).resolves.toBe('Organico ridotto nei mesi estivi.')

    await page.emulateMedia({ media: 'print' })
    const pdfPath = join(await mkdtemp(join(tmpdir(), 'sulcampo-report-')), 'report.pdf')
    try {
      await page.pdf({ path: pdfPath, format: 'A4' })
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
      for (const title of ['Pattugliamento per controllo del territorio', 'Garantire il servizio anche nelle ore serali', 'Aggiornare il Regolamento alla nuova normativa europea', 'Controllo del territorio fascia montana']) {
        expect(text, title).toContain(title)
      }
      expect(text).toContain('Organico ridotto nei mesi estivi.')
      expect(text).not.toContain('Salva nota')
    } finally {
      await rm(dirname(pdfPath), { recursive: true, force: true })
    }
  })

  it('has no serious or critical axe violation on the overview, an objective page and the report', async () => {
    const appUrl = inject('appUrl')
    opened = await managerPage(appUrl, { entries: entries('pl-pattugliamento', 'patrol', 20) })
    const { page } = opened
    for (const path of ['/cruscotto', '/cruscotto/pl-pattugliamento', '/cruscotto/terr-segnaletica', '/cruscotto/report?area=polizia_locale&anno=2024']) {
      await page.goto(`${appUrl}${path}`)
      await page.locator('main h1').first().waitFor()
      await page.waitForLoadState('networkidle')
      await expect(runAxe(page), path).resolves.toEqual([])
    }
  })
})
