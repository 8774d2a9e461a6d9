import * as v from 'valibot'
import type { Entry, EntryKind } from '../entry'
import type { PayloadByKind } from '../entry-payloads'
import { VALIDATION_CODES, type FieldErrors, type ValidationCode } from './codes'
import { entryEnvelopeSchema } from './entry'
import { PAYLOAD_SCHEMAS } from './payloads'

export { VALIDATION_CODES, ValidationError, type FieldErrors, type ValidationCode } from './codes'
export { PAYLOAD_SCHEMAS } from './payloads'
export { entryEnvelopeSchema } from './entry'

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors }

function asCode(message: string): ValidationCode {
  return (VALIDATION_CODES as readonly string[]).includes(message) ? (message as ValidationCode) : 'invalid_entry'
}

/** First code per field path; a whole-object failure is reported under "" . */
function toFieldErrors(issues: v.BaseIssue<unknown>[]): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const path = v.getDotPath(issue) ?? ''
    errors[path] ??= asCode(issue.message)
  }
  return errors
}

function run<T>(schema: v.GenericSchema<unknown, T>, input: unknown): Validated<T> {
  const result = v.safeParse(schema, input)
  return result.success ? { ok: true, value: result.output } : { ok: false, errors: toFieldErrors(result.issues) }
}

/** Validates and normalises (trims) a payload of the given kind. */
export function validatePayload<K extends EntryKind>(kind: K, input: unknown): Validated<PayloadByKind[K]> {
  return run(PAYLOAD_SCHEMAS[kind] as v.GenericSchema<unknown, PayloadByKind[K]>, input)
}

/** Validates a whole entry: the envelope, then its payload (errors under "payload.<field>"). */
export function validateEntry(input: unknown): Validated<Entry> {
  const envelope = run(entryEnvelopeSchema, input)
  if (!envelope.ok) return envelope
  const payload = validatePayload(envelope.value.kind, envelope.value.payload)
  if (!payload.ok) {
    const errors: FieldErrors = {}
    for (const [field, code] of Object.entries(payload.errors)) errors[field ? `payload.${field}` : 'payload'] = code
    return { ok: false, errors }
  }
  return { ok: true, value: { ...envelope.value, payload: payload.value as unknown as Record<string, unknown> } }
}
