import * as v from 'valibot'
import type { Catalogue } from '~/domain/catalogue'
import { callServerRpc, readRpcAnswer as readAnswer } from './server-rpc'

/**
 * The one accessor for the plan RPCs (docs/plans.md): `import_plan`, `adopt_plan`,
 * `delete_plan_draft`. Admin only; a non-admin's call fails with `forbidden`. What the functions
 * answer is read here into typed answers, so the editor never sees the wire shapes.
 */

/** A call without an answer (no server, offline, not an admin, a failure) throws a ServerRpcError. */
export { ServerRpcError, type RpcErrorCode as PlansErrorCode } from './server-rpc'

/** A problem with the plan as the server found it: the validator's codes plus the server's own. */
export interface PlanProblem {
  code: string
  subject: string
  path: string
  detail: string
}

export const SERVER_PROBLEM_CODES = ['id_in_other_plan', 'plan_not_draft', 'unknown_objective'] as const

export type ImportAnswer =
  | { status: 'imported'; planId: string; objectives: number }
  | { status: 'invalid'; problems: PlanProblem[] }

export const ADOPT_REFUSALS = ['not_found', 'plan_not_draft', 'empty_plan', 'starts_before_plan_in_force', 'invalid_field'] as const
export type AdoptRefusal = (typeof ADOPT_REFUSALS)[number]

/** A plan in force that the adoption ends: it stays in force until `inForceUntil` (inclusive). */
export interface Supersession {
  planId: string
  title: string
  inForceUntil: string
}

/** What an adoption does: the day the plan comes into force and the plans it ends. */
interface AdoptionEffect {
  inForceFrom: string
  supersedes: Supersession[]
}

export type AdoptAnswer = ({ status: 'preview' } & AdoptionEffect) | ({ status: 'adopted' } & AdoptionEffect) | { status: 'refused'; code: AdoptRefusal }

export type DeleteAnswer = { status: 'deleted' } | { status: 'refused'; code: 'not_found' | 'plan_not_draft' }

export interface Adoption {
  planId: string
  /** The act that adopts the plan, e.g. "Delibera G.C. n. 12 del 20.01.2026". */
  act: string
  /** YYYY-MM-DD. */
  adoptedOn: string
  /** YYYY-MM-DD; null: 1 January of the plan's start year. */
  inForceFrom: string | null
}

const ProblemSchema = v.object({ code: v.string(), subject: v.string(), path: v.string(), detail: v.string() })

const ImportAnswerSchema = v.variant('status', [
  v.object({ status: v.literal('imported'), planId: v.string(), objectives: v.number() }),
  v.object({ status: v.literal('invalid'), problems: v.array(ProblemSchema) }),
])

const effect = {
  inForceFrom: v.string(),
  supersedes: v.array(v.object({ planId: v.string(), title: v.string(), inForceUntil: v.string() })),
}

const AdoptAnswerSchema = v.variant('status', [
  v.object({ status: v.literal('preview'), ...effect }),
  v.object({ status: v.literal('adopted'), ...effect }),
  v.object({ status: v.literal('refused'), code: v.picklist(ADOPT_REFUSALS) }),
])

const DeleteAnswerSchema = v.variant('status', [
  v.object({ status: v.literal('deleted') }),
  v.object({ status: v.literal('refused'), code: v.picklist(['not_found', 'plan_not_draft']) }),
])

export const readImportAnswer = (data: unknown): ImportAnswer => readAnswer(ImportAnswerSchema, 'import_plan', data)
export const readAdoptAnswer = (data: unknown): AdoptAnswer => readAnswer(AdoptAnswerSchema, 'adopt_plan', data)
export const readDeleteAnswer = (data: unknown): DeleteAnswer => readAnswer(DeleteAnswerSchema, 'delete_plan_draft', data)

type PlanRpc = 'import_plan' | 'adopt_plan' | 'delete_plan_draft'
const rpc = (name: PlanRpc, args: object) => callServerRpc<unknown>(name, args)

/** Creates or replaces the draft with the catalogue's plan id; an invalid plan changes nothing. */
export async function importPlan(catalogue: Catalogue): Promise<ImportAnswer> {
  return readImportAnswer(await rpc('import_plan', { plan: catalogue }))
}

/** Without `confirm`, says what adopting would supersede and from which day, changing nothing. */
export async function adoptPlan(adoption: Adoption, confirm: boolean): Promise<AdoptAnswer> {
  const { planId, act, adoptedOn, inForceFrom } = adoption
  return readAdoptAnswer(await rpc('adopt_plan', { plan_id: planId, act, adopted_on: adoptedOn, in_force_from: inForceFrom, confirm }))
}

export async function deletePlanDraft(planId: string): Promise<DeleteAnswer> {
  return readDeleteAnswer(await rpc('delete_plan_draft', { plan_id: planId }))
}
