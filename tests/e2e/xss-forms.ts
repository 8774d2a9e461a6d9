import type { Page } from 'playwright-core'
import { PISOGNE_OBJECTIVES } from '~/domain/catalogue'
import { officeKindOf, type OfficeKind } from '~/features/field-log/objective-for-kind'

/** Markup and script URLs a user could type; none may ever run, each must show as typed. */
export const PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1',
]

/**
 * Before any app script: counts CSP violations, so a payload that reached the DOM as markup
 * (and was stopped only by the CSP) still fails the test.
 */
export const WATCH_CSP = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`

/** One saved form: where it is, which free-text fields get the payload, and the required rest. */
interface FormFill {
  name: string
  path: string
  text: string[]
  before?: (page: Page) => Promise<void>
}

/** The text box whose label starts with `label` (required fields add "(obbligatorio)"). */
const textbox = (page: Page, label: string) =>
  page.getByRole('textbox', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) })

export const FIELD_FORMS: FormFill[] = [
  {
    name: 'checkpoint',
    path: '/campo/nuovo/checkpoint',
    text: ['Luogo (via, civico, località)', 'Note'],
    before: (page) => page.getByRole('spinbutton', { name: /^Veicoli controllati/ }).fill('3'),
  },
  { name: 'evening shift', path: '/campo/nuovo/evening_shift', text: ['Occasione (es. manifestazione)', 'Note'] },
  {
    name: 'mountain check',
    path: '/campo/nuovo/territory_check',
    text: ['Luogo (via, civico, località)', 'Note'],
    before: (page) => page.getByLabel('Tema del controllo').selectOption('vasp').then(() => undefined),
  },
  {
    name: 'problem report',
    path: '/campo/nuovo/maintenance_report',
    text: ['Descrizione del problema', 'Luogo (via, civico, località)'],
    before: (page) => page.getByLabel('Categoria').selectOption('other').then(() => undefined),
  },
  ...(['count_update', 'milestone_update', 'check'] as OfficeKind[]).map((kind): FormFill => {
    const objective = PISOGNE_OBJECTIVES.find((o) => officeKindOf(o) === kind)
    if (!objective) throw new Error(`no objective is updated by ${kind}`)
    const byKind: Record<OfficeKind, Omit<FormFill, 'name' | 'path'>> = {
      count_update: { text: ['Nota'], before: (page) => page.getByRole('spinbutton', { name: /^Quantità/ }).fill('2') },
      milestone_update: { text: ['Fase', 'Atto d’ufficio / evidenza'] },
      check: { text: ['Rilievi'], before: (page) => page.getByLabel('Esito').selectOption('findings').then(() => undefined) },
    }
    return { name: `office ${kind}`, path: `/registro/ufficio/${objective.id}`, ...byKind[kind] }
  }),
]

/** Fills one form with `payload` in every free-text field and saves it; the app goes back to /campo. */
export async function saveForm(page: Page, appUrl: string, form: FormFill, payload: string): Promise<void> {
  await page.goto(`${appUrl}${form.path}`)
  await form.before?.(page)
  for (const label of form.text) await textbox(page, label).fill(payload)
  await page.getByRole('button', { name: 'Salva' }).click()
  await page.waitForURL('**/campo')
}

/** A patrol: the running timer is set an hour back (page time), so "Termina" gives a valid span at once. */
export async function savePatrol(page: Page, appUrl: string, authorId: string, payload: string): Promise<void> {
  await page.goto(`${appUrl}/campo`)
  await page.evaluate(
    (authorId) =>
      new Promise<void>((resolve, reject) => {
        const patrol = { startedAt: new Date(Date.now() - 3_600_000).toISOString(), authorId, endedAt: null }
        const open = indexedDB.open('sulcampo')
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite')
          tx.objectStore('meta').put({ key: 'field-log:running-patrol', value: patrol })
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    authorId,
  )
  await page.goto(`${appUrl}/campo/pattuglia`)
  await page.getByRole('button', { name: 'Termina pattuglia' }).click()
  await textbox(page, 'Zona').fill(payload)
  await textbox(page, 'Note').fill(payload)
  await page.getByRole('button', { name: 'Salva' }).click()
  await page.waitForURL('**/campo')
}
