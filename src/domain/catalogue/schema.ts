import * as v from 'valibot'
import { AREA_ID_PATTERN } from '../areas'
import { ENTRY_KINDS } from '../entry'
import { INDICATOR_KINDS, INDICATOR_PERIODS, type Indicator, type Objective, type Plan } from '../objective'
import type { Area } from './areas'

/**
 * Shapes of a catalogue (plan, areas, objectives) as plain data, for the bundled PIAO and for
 * any plan imported later. Messages are short and name what was received; the caller adds
 * which objective and which field (see validate.ts).
 */

/** Strict: a misspelt field ("targt") is an error, not silently dropped. */
function fields<const TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.strictObject(entries, (issue) => {
    if (issue.expected === 'never') return 'unknown field'
    if (issue.path) return 'missing'
    return `expected an object, received ${issue.received}`
  })
}

const text = v.pipe(
  v.string((issue) => `expected text, received ${issue.received}`),
  v.nonEmpty('must not be empty'),
)

function finiteNumber(expected: string) {
  return v.pipe(
    v.number((issue) => `expected ${expected}, received ${issue.received}`),
    v.finite((issue) => `expected a finite number, received ${issue.received}`),
  )
}

const nullableNumber = v.nullable(finiteNumber('a number or null'))

const year = v.pipe(finiteNumber('a year'), v.integer('expected a whole year'), v.minValue(2000, 'expected a year from 2000'))

const positiveInteger = v.pipe(finiteNumber('a whole number'), v.integer('expected a whole number'), v.minValue(1, 'expected 1 or more'))

/** "2023-06-31" has the right shape but is no date (the PIAO itself writes 31.06.2023). */
function isCalendarDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso
}

const isoDate = v.pipe(
  v.string((issue) => `expected a date YYYY-MM-DD, received ${issue.received}`),
  v.isoDate((issue) => `expected a date YYYY-MM-DD, received ${issue.received}`),
  v.check(isCalendarDate, (issue) => `${issue.received} is not a calendar date`),
)

/** Any well-formed slug: whether the area exists is checked against the file's own `areas` (validate.ts). */
const areaId = v.pipe(
  v.string((issue) => `expected an area id like "polizia_locale", received ${issue.received}`),
  v.regex(AREA_ID_PATTERN, (issue) => `expected an area id like "polizia_locale", received ${issue.received}`),
)

const objectiveId = v.pipe(text, v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a slug like "pl-pattugliamento"'))

const BaselineSchema = fields({
  value: nullableNumber,
  year: v.nullable(year),
  source: v.picklist(['piao', 'manager'], (issue) => `unknown baseline source ${issue.received}`),
})

const IndicatorFields = fields({
  kind: v.picklist(INDICATOR_KINDS, (issue) => `unknown indicator kind ${issue.received}`),
  target: nullableNumber,
  relativeIncreasePct: nullableNumber,
  unit: text,
  period: v.picklist(INDICATOR_PERIODS, (issue) => `unknown period ${issue.received}`),
  deadline: v.nullable(isoDate),
  baseline: BaselineSchema,
  withinDays: v.nullable(positiveInteger),
  entryKinds: v.pipe(
    v.array(v.picklist(ENTRY_KINDS, (issue) => `unknown entry kind ${issue.received}`), 'expected a list of entry kinds'),
    v.minLength(1, 'at least one entry kind must feed the indicator'),
  ),
})

/** Share and completion targets are percentages. */
function isPercentTargetValid(indicator: v.InferOutput<typeof IndicatorFields>): boolean {
  if (indicator.kind !== 'share' && indicator.kind !== 'completion') return true
  return indicator.target !== null && indicator.target >= 0 && indicator.target <= 100
}

export const IndicatorSchema = v.pipe(
  IndicatorFields,
  v.forward(
    v.check(
      isPercentTargetValid,
      (issue) => `a share or completion target is a percentage from 0 to 100, received ${String(issue.input.target)}`,
    ),
    ['target'],
  ),
) satisfies v.GenericSchema<Indicator>

export const ObjectiveSchema = fields({
  id: objectiveId,
  planId: text,
  areaId,
  position: positiveInteger,
  contributingAreas: v.array(areaId, 'expected a list of areas'),
  title: text,
  responsabile: text,
  stakeholder: text,
  contributors: text,
  timeframe: text,
  measurement: text,
  baselineText: text,
  expectedTarget: text,
  dataSource: text,
  indicator: IndicatorSchema,
  /** The objective of an earlier plan this one carries on (docs/plans.md); checked by the server. */
  continuesObjectiveId: v.optional(v.nullable(objectiveId)),
}) satisfies v.GenericSchema<Objective>

export const PlanSchema = v.pipe(
  fields({
    id: text,
    title: text,
    municipality: text,
    startYear: year,
    endYear: year,
    approvedBy: text,
  }),
  v.forward(
    v.check((plan) => plan.endYear >= plan.startYear, 'the plan cannot end before it starts'),
    ['endYear'],
  ),
) satisfies v.GenericSchema<Plan>

export const AreaSchema = fields({
  id: areaId,
  nameIt: text,
  nameEn: text,
  position: positiveInteger,
}) satisfies v.GenericSchema<Area>

/** The outer shape only; each part is checked on its own so errors can name the objective. */
export const CatalogueShapeSchema = fields({
  plan: v.unknown(),
  areas: v.array(v.unknown(), 'expected a list of areas'),
  objectives: v.array(v.unknown(), 'expected a list of objectives'),
})
