import * as v from 'valibot'
import { ENTRY_KINDS, REPORT_STATUSES, type Entry } from '../entry'
import { choice, instant, requiredText } from './fields'

/** The envelope every entry shares; the payload is checked per kind by PAYLOAD_SCHEMAS. */
export const entryEnvelopeSchema = v.pipe(
  v.object({
    id: v.pipe(v.string('required'), v.uuid('invalid_entry')),
    objectiveId: requiredText(),
    kind: choice(ENTRY_KINDS),
    payload: v.record(v.string(), v.unknown(), 'required'),
    status: v.nullable(v.picklist(REPORT_STATUSES, 'invalid_choice')),
    occurredAt: instant(),
    authorId: requiredText(),
    createdAt: instant(),
    updatedAt: instant(),
    version: v.pipe(v.number('invalid_entry'), v.integer('invalid_entry'), v.minValue(0, 'invalid_entry')),
    locked: v.boolean('invalid_entry'),
    deleted: v.boolean('invalid_entry'),
  }),
  // Only maintenance reports carry a workflow status, and they always do.
  v.forward(
    v.partialCheck(
      [['kind'], ['status']],
      (e: { kind: string; status: string | null }) => (e.kind === 'maintenance_report') === (e.status !== null),
      'invalid_choice',
    ),
    ['status'],
  ),
) satisfies v.GenericSchema<unknown, Entry>
