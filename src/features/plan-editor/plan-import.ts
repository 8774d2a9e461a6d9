import { CatalogueError, PISOGNE_CATALOGUE, validateCatalogue, type Catalogue, type CatalogueProblem } from '~/domain/catalogue'

/**
 * Plan import (next year's PIAO). Format: the JSON the app bundles its own catalogue in,
 * `{ plan, areas, objectives }`, each objective with its PIAO fields verbatim and its
 * structured indicator (docs/plan-format.md). The template is the current plan itself.
 * The file is validated as a whole: one bad objective and nothing is imported.
 */

/** A CSV file's problems also carry the spreadsheet row they are on (the header is row 1). */
export type ImportProblem = CatalogueProblem & { row?: number }

export type ImportCheck =
  | { ok: true; catalogue: Catalogue }
  | { ok: false; problems: ImportProblem[] }

export function checkPlanFile(text: string): ImportCheck {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { ok: false, problems: [{ code: 'invalid_field', subject: 'file', path: '', detail: error instanceof Error ? error.message : String(error) }] }
  }
  return validatePlan(data)
}

/** The whole plan checked at once, whichever file format it came in. */
export function validatePlan(data: unknown): ImportCheck {
  try {
    return { ok: true, catalogue: validateCatalogue(data) }
  } catch (error) {
    if (error instanceof CatalogueError) return { ok: false, problems: error.problems }
    throw error
  }
}

/** Problems grouped by the objective (or part) they belong to, in file order: the per-row error list. */
export function problemsBySubject(problems: ImportProblem[]): [string, ImportProblem[]][] {
  const groups = new Map<string, ImportProblem[]>()
  for (const p of problems) groups.set(p.subject, [...(groups.get(p.subject) ?? []), p])
  return [...groups.entries()]
}

export function planTemplate(): string {
  return `${JSON.stringify(PISOGNE_CATALOGUE, null, 2)}\n`
}
