import type { Objective, Plan } from '../objective'
import { draftOf, freeId, type PlanDraft } from './draft-edit'
import type { Catalogue } from './validate'

/**
 * "New plan from the plan in force": the rolling PIAO is mostly last year's plan carried on.
 * The copy gets its own plan id and years, a new id for every objective (ids are keys across
 * plans), and each objective names the one it continues, so its page can show the earlier years.
 */

export interface NextPlanYears {
  startYear: number
  endYear: number
}

/** What the draft's header says of the act until `adopt_plan` sets the real one. */
export const ACT_TO_COME = 'Da adottare'

const YEARS = /(\d{4})\s*[-–]\s*(\d{4})/

/** "pisogne-2023-2025" → "pisogne-2026-2028"; an id without its years gets them appended. */
export function nextPlanId(plan: Plan, years: NextPlanYears): string {
  const span = `${years.startYear}-${years.endYear}`
  return YEARS.test(plan.id) ? plan.id.replace(YEARS, span) : `${plan.id}-${span}`
}

/** The title's "2023–2025" becomes the new years, written the way the title wrote them. */
function nextTitle(title: string, years: NextPlanYears): string {
  return title.replace(YEARS, (whole, from: string) => whole.replace(from, String(years.startYear)).replace(/\d{4}$/, String(years.endYear)))
}

/** "pl-pattugliamento" → "pl-pattugliamento-2026"; a year suffix of an earlier copy is replaced. */
export function nextObjectiveId(id: string, startYear: number, taken: ReadonlySet<string>): string {
  return freeId(`${id.replace(/-\d{4}$/, '')}-${startYear}`, taken, '-')
}

/** A deadline moves with the plan (2024-06-30 → 2027-06-30 three years on); 29 February becomes the 28th. */
export function shiftDeadline(deadline: string | null, years: number): string | null {
  const parts = deadline?.match(/^(\d{4})-(\d{2})-(\d{2})$/)
  if (!parts) return deadline
  const year = Number(parts[1]) + years
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const day = parts[2] === '02' && parts[3] === '29' && !leap ? '28' : parts[3]
  return `${year}-${parts[2]}-${day}`
}

/**
 * A draft copy of `source` for the given years. `takenIds` are the objective ids already used
 * by any plan (the device knows every plan it pulled; the server refuses a clash anyway).
 * Baselines stay: they are facts of a past year, which the admin updates where the new PIAO does.
 */
export function newDraftFrom(source: Catalogue, years: NextPlanYears, takenIds: ReadonlySet<string>): PlanDraft {
  const shift = years.startYear - source.plan.startYear
  const plan: Plan = {
    ...source.plan,
    ...years,
    id: nextPlanId(source.plan, years),
    title: nextTitle(source.plan.title, years),
    approvedBy: ACT_TO_COME,
  }
  const taken = new Set(takenIds)
  const objectives = source.objectives.map((o): Objective => {
    const id = nextObjectiveId(o.id, years.startYear, taken)
    taken.add(id)
    return { ...o, id, planId: plan.id, continuesObjectiveId: o.id, indicator: { ...o.indicator, deadline: shiftDeadline(o.indicator.deadline, shift) } }
  })
  return draftOf({ plan, areas: source.areas.map((a) => ({ ...a })), objectives })
}

/**
 * The years a new plan covers by default: the rolling PIAO starts a year after the plan in force,
 * and never in a year already past (a plan that ran over is followed from this year); it lasts as
 * long as the plan in force.
 */
export function defaultNextYears(inForce: Pick<Plan, 'startYear' | 'endYear'>, thisYear: number): NextPlanYears {
  const startYear = Math.max(inForce.startYear + 1, thisYear)
  return { startYear, endYear: startYear + inForce.endYear - inForce.startYear }
}
