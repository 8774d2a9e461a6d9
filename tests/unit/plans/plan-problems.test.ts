import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { PISOGNE_CATALOGUE } from '~/domain/catalogue'
import { catalogueProblems } from '~/domain/catalogue/draft-edit'
import messages from '~/features/plan-editor/messages'
import { problemsAt, problemSubject, problemText } from '~/features/plan-editor/plan-problems'

const i18n = createI18n({ legacy: false, locale: 'it', messages: { it: messages.it, en: messages.en } })
const t = (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})

/** The bundled plan with one change to its first objective. */
function withFirstObjective(change: (o: Record<string, unknown> & { indicator: Record<string, unknown> }) => void) {
  const catalogue = structuredClone(PISOGNE_CATALOGUE) as unknown as { objectives: (Record<string, unknown> & { indicator: Record<string, unknown> })[] }
  change(catalogue.objectives[0]!)
  return catalogue
}

describe('plan problems in the UI language', () => {
  it('says in Italian which objective and which field is wrong, with the validator\'s own problems', () => {
    const share = PISOGNE_CATALOGUE.objectives.find((o) => o.indicator.kind === 'share')!
    const catalogue = structuredClone(PISOGNE_CATALOGUE)
    catalogue.objectives.find((o) => o.id === share.id)!.indicator.target = 140
    catalogue.objectives[0]!.responsabile = ''
    const problems = catalogueProblems(catalogue)
    const target = problemsAt(problems, `objective "${share.id}"`, 'indicator')
    expect(target).toHaveLength(1)
    expect(problemSubject(target[0]!.subject, t)).toBe(`Obiettivo «${share.id}»`)
    expect(problemText(target[0]!, t)).toBe('è una percentuale da 0 a 100')
    const empty = problemsAt(problems, `objective "${catalogue.objectives[0]!.id}"`, 'responsabile')
    expect(empty.map((p) => problemText(p, t))).toEqual(['non può essere vuoto'])
  })

  it('speaks English when the UI does', () => {
    const problems = catalogueProblems(withFirstObjective((o) => (o.id = 'Not A Slug')))
    i18n.global.locale.value = 'en'
    try {
      const [problem] = problemsAt(problems, 'objective "Not A Slug"', 'id')
      expect(problemText(problem!, t)).toBe('lower-case letters, digits and hyphens only (e.g. “pl-pattugliamento”)')
    } finally {
      i18n.global.locale.value = 'it'
    }
  })

  it('translates the server\'s own codes and names unlisted items by their place', () => {
    const clash = { code: 'id_in_other_plan', subject: 'objective "pl-pattugliamento"', path: 'id', detail: 'used by plan "pisogne-2023-2025"' }
    expect(problemText(clash, t)).toBe('codice già usato da un altro piano')
    expect(problemSubject('objectives[4]', t)).toBe('Elemento 5')
    expect(problemSubject('plan', t)).toBe('Piano')
  })

  it('keeps a detail it does not recognise after the translated code', () => {
    const odd = { code: 'invalid_field', subject: 'plan', path: 'title', detail: 'something new' }
    expect(problemText(odd, t)).toBe('valore non valido (something new)')
  })
})
