import type { CatalogueProblem } from '~/domain/catalogue'
import type { PlanProblem } from '~/sync/plans-api'

/**
 * The validator's problems (the app's and the server's, which share codes and subjects) in the
 * UI's words: which part of the plan, which field, what is wrong. The validator's detail is
 * English for scripts and logs; the common ones are recognised and translated, any other is
 * shown after the translated code.
 */

type Translate = (key: string, params?: Record<string, unknown>) => string
export type AnyProblem = CatalogueProblem | PlanProblem

/** Known details of the validator (src/domain/catalogue/schema.ts) and their message keys. */
const DETAILS: [RegExp, string][] = [
  [/must not be empty|expected text, received ""/, 'empty'],
  [/percentage from 0 to 100/, 'percent'],
  [/expected a slug/, 'slug'],
  [/expected an area id/, 'areaSlug'],
  [/expected a (whole )?year|year from 2000/, 'year'],
  [/cannot end before it starts/, 'ends'],
  [/at least one entry kind/, 'entryKinds'],
  [/expected a date|not a calendar date/, 'date'],
  [/expected (a number|a finite number|a whole number)|expected 1 or more/, 'number'],
]

const SUBJECT = /^(objective|area) "(.*)"$/
const LISTED = /^(objectives|areas)\[(\d+)\]$/

export function problemSubject(subject: string, t: Translate): string {
  const named = SUBJECT.exec(subject)
  if (named) return t(`planEditor.problem.${named[1]}`, { id: named[2] })
  const listed = LISTED.exec(subject)
  if (listed) return t('planEditor.problem.item', { n: Number(listed[2]) + 1 })
  return t('planEditor.problem.plan')
}

export function problemText(problem: AnyProblem, t: Translate): string {
  const code = t(`planEditor.problem.codes.${problem.code}`)
  const known = problem.code === 'invalid_field' ? DETAILS.find(([pattern]) => pattern.test(problem.detail)) : undefined
  if (known) return t(`planEditor.problem.details.${known[1]}`)
  return problem.detail && problem.code === 'invalid_field' ? `${code} (${problem.detail})` : code
}

/** The problems of one subject, optionally of one field (a path, or a path prefix like `indicator`). */
export function problemsAt<T extends AnyProblem>(problems: readonly T[], subject: string, path?: string): T[] {
  return problems.filter((p) => p.subject === subject && (path === undefined || p.path === path || p.path.startsWith(`${path}.`)))
}
