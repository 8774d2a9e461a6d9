import * as v from 'valibot'
import { TEXT_LIMITS } from '../entry-payloads'

/** Building blocks shared by the payload schemas; each failure carries a ValidationCode. */

/** Text a person must fill in: trimmed, not empty, within the limit. */
export const requiredText = (limit: number = TEXT_LIMITS.short) =>
  v.pipe(v.string('required'), v.trim(), v.nonEmpty('required'), v.maxLength(limit, 'too_long'))

/** Text that may stay empty. */
export const optionalText = (limit: number = TEXT_LIMITS.long) => v.pipe(v.string('required'), v.trim(), v.maxLength(limit, 'too_long'))

/** A number input: an emptied field arrives as '' and reads "required", not "not a number". */
const numberInput = () =>
  v.pipe(
    v.union([v.number(), v.literal('')], 'not_a_number'),
    v.check((n) => n !== '', 'required'),
    v.transform((n) => n as number),
    v.check((n) => Number.isFinite(n), 'not_a_number'),
  )

/** A count: a whole number, zero or more. */
export const count = () => v.pipe(numberInput(), v.integer('not_integer'), v.minValue(0, 'negative'))

/** A non-negative amount that may have decimals (e.g. salt in kg). */
export const amount = () => v.pipe(numberInput(), v.minValue(0, 'negative'))

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** An ISO-8601 instant with its zone (the device stores UTC). */
export const instant = () =>
  v.pipe(
    v.string('required'),
    v.nonEmpty('required'),
    v.check((s) => ISO_INSTANT.test(s) && !Number.isNaN(Date.parse(s)), 'invalid_time'),
  )

/** A calendar date YYYY-MM-DD. */
export const calendarDate = () =>
  v.pipe(
    v.string('required'),
    v.nonEmpty('required'),
    v.check((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)), 'invalid_date'),
  )

export const choice = <const T extends readonly string[]>(options: T) =>
  v.pipe(v.string('required'), v.nonEmpty('required'), v.picklist(options, 'invalid_choice'))

/** A position the user asked for, with the accuracy the device reported; null when not taken. */
export const geoPoint = () =>
  v.nullable(
    v.object(
      {
        lat: v.pipe(v.number('invalid_location'), v.minValue(-90, 'invalid_location'), v.maxValue(90, 'invalid_location')),
        lng: v.pipe(v.number('invalid_location'), v.minValue(-180, 'invalid_location'), v.maxValue(180, 'invalid_location')),
        accuracy: v.pipe(v.number('invalid_location'), v.minValue(0, 'invalid_location')),
      },
      'invalid_location',
    ),
  )

export const violationCounts = () =>
  v.object({ noInsurance: count(), noInspection: count(), liens: count(), municipalRules: count() }, 'required')

interface Timed {
  startedAt: string
  endedAt: string
}

const endAfterStart = v.forward(
  v.partialCheck([['startedAt'], ['endedAt']], (p: Timed) => Date.parse(p.endedAt) > Date.parse(p.startedAt), 'end_before_start'),
  ['endedAt'],
)

/** Adds the cross-field rule "the end comes after the start", reported on the end field. */
export function withEndAfterStart<T extends Timed>(schema: v.GenericSchema<unknown, T>): v.GenericSchema<unknown, T> {
  // The rule reads only the two times, so it applies unchanged to any payload that has them.
  return v.pipe(schema, endAfterStart as unknown as v.GenericValidation<T>)
}
