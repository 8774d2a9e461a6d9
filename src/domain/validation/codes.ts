/**
 * Stable codes of validation failures. Schemas emit these as their issue messages; the UI
 * translates them (validation.* in messages.ts), the import and the domain can match on them.
 */
export const VALIDATION_CODES = [
  'required',
  'too_long',
  'not_a_number',
  'not_integer',
  'negative',
  'invalid_time',
  'invalid_date',
  'end_before_start',
  'outside_evening_window',
  'invalid_choice',
  'invalid_location',
  'total_below_quantity',
  'findings_required',
  'invalid_entry',
] as const
export type ValidationCode = (typeof VALIDATION_CODES)[number]

/** Field path (dot notation, e.g. "violations.liens") → the first code found for it. */
export type FieldErrors = Record<string, ValidationCode>

export class ValidationError extends Error {
  readonly code = 'validation_failed'
  constructor(readonly fields: FieldErrors) {
    super(`invalid fields: ${Object.keys(fields).join(', ')}`)
    this.name = 'ValidationError'
  }
}
