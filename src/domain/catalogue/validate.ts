import * as v from 'valibot'
import type { Objective, Plan } from '../objective'
import type { Area } from './areas'
import { AreaSchema, CatalogueShapeSchema, ObjectiveSchema, PlanSchema } from './schema'

export interface Catalogue {
  plan: Plan
  areas: Area[]
  objectives: Objective[]
}

export const CATALOGUE_PROBLEM_CODES = [
  'invalid_field',
  'unknown_area',
  'duplicate_id',
  'duplicate_position',
  'wrong_plan',
  'own_area_contributes',
] as const
export type CatalogueProblemCode = (typeof CATALOGUE_PROBLEM_CODES)[number]

export interface CatalogueProblem {
  code: CatalogueProblemCode
  /** Which part: `plan`, `area "sociale"`, `objective "pl-pattugliamento"`, `objectives[3]`. */
  subject: string
  /** Dotted field path inside the subject, e.g. `indicator.kind`; empty for the whole subject. */
  path: string
  detail: string
}

/** A catalogue that cannot be used; the message lists every problem, one a line. */
export class CatalogueError extends Error {
  readonly code = 'invalid_catalogue'
  readonly problems: CatalogueProblem[]

  constructor(problems: CatalogueProblem[]) {
    super(problems.map(describeProblem).join('\n'))
    this.name = 'CatalogueError'
    this.problems = problems
  }
}

function describeProblem({ subject, path, detail }: CatalogueProblem): string {
  return path ? `${subject}: ${path}: ${detail}` : `${subject}: ${detail}`
}

/** Names an item by its id when it has a usable one, else by its place in the list. */
function subjectOf(kind: 'objective' | 'area', list: string, item: unknown, index: number): string {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined
  return typeof id === 'string' && id !== '' ? `${kind} "${id}"` : `${list}[${index}]`
}

function parse<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  subject: string,
  problems: CatalogueProblem[],
): v.InferOutput<TSchema> | null {
  const result = v.safeParse(schema, input)
  if (result.success) return result.output
  for (const issue of result.issues) {
    problems.push({ code: 'invalid_field', subject, path: v.getDotPath(issue) ?? '', detail: issue.message })
  }
  return null
}

function parseAll<T>(
  items: unknown[],
  parseOne: (item: unknown, subject: string) => T | null,
  subjectFor: (item: unknown, index: number) => string,
): T[] {
  return items.flatMap((item, index) => parseOne(item, subjectFor(item, index)) ?? [])
}

type Report = (code: CatalogueProblemCode, path: string, detail: string) => void

function reporterFor(subject: string, problems: CatalogueProblem[]): Report {
  return (code, path, detail) => problems.push({ code, subject, path, detail })
}

function checkAreas(areas: Area[], problems: CatalogueProblem[]): void {
  const ids = new Set<string>()
  const positions = new Set<number>()
  for (const area of areas) {
    const report = reporterFor(`area "${area.id}"`, problems)
    if (ids.has(area.id)) report('duplicate_id', 'id', 'listed twice')
    if (positions.has(area.position)) report('duplicate_position', 'position', `another area has position ${area.position}`)
    ids.add(area.id)
    positions.add(area.position)
  }
}

/** Ids unique, one objective per position in an area, areas that exist, all in this plan. */
function checkObjectives({ plan, areas, objectives }: Catalogue, problems: CatalogueProblem[]): void {
  const areaIds = new Set<string>(areas.map((area) => area.id))
  const ids = new Set<string>()
  const positions = new Set<string>()
  for (const objective of objectives) {
    const report = reporterFor(`objective "${objective.id}"`, problems)
    const position = `${objective.areaId}#${objective.position}`
    if (ids.has(objective.id)) report('duplicate_id', 'id', 'another objective has the same id')
    if (positions.has(position)) {
      report('duplicate_position', 'position', `another objective of area "${objective.areaId}" has position ${objective.position}`)
    }
    ids.add(objective.id)
    positions.add(position)
    if (objective.planId !== plan.id) report('wrong_plan', 'planId', `expected "${plan.id}", received "${objective.planId}"`)
    if (!areaIds.has(objective.areaId)) report('unknown_area', 'areaId', `area "${objective.areaId}" is not in the catalogue`)
    objective.contributingAreas.forEach((contributor, index) => {
      const path = `contributingAreas.${index}`
      if (!areaIds.has(contributor)) report('unknown_area', path, `area "${contributor}" is not in the catalogue`)
      if (contributor === objective.areaId) report('own_area_contributes', path, 'an area does not contribute to its own objective')
    })
  }
}

/**
 * Checks a catalogue from any source (the bundled PIAO, an imported plan) and returns it typed,
 * or throws a CatalogueError whose message names the objective and the field at fault.
 */
export function validateCatalogue(input: unknown): Catalogue {
  const problems: CatalogueProblem[] = []
  const shape = parse(CatalogueShapeSchema, input, 'catalogue', problems)
  if (!shape) throw new CatalogueError(problems)
  const plan = parse(PlanSchema, shape.plan, 'plan', problems)
  const areas = parseAll(
    shape.areas,
    (item, subject) => parse(AreaSchema, item, subject, problems),
    (item, index) => subjectOf('area', 'areas', item, index),
  )
  const objectives = parseAll(
    shape.objectives,
    (item, subject) => parse(ObjectiveSchema, item, subject, problems),
    (item, index) => subjectOf('objective', 'objectives', item, index),
  )
  checkAreas(areas, problems)
  if (plan) checkObjectives({ plan, areas, objectives }, problems)
  if (problems.length > 0 || !plan) throw new CatalogueError(problems)
  return { plan, areas, objectives }
}
