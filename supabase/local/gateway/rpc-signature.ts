import type { Pool, PoolClient } from 'pg'

/** One overload of a public function, as the gateway needs it to build a call with named arguments. */
export interface FunctionSignature {
  inputs: { name: string; type: string }[]
  required: number
  returnsSet: boolean
  returnsVoid: boolean
}

export const FUNCTION_NAME = /^[a-z_][a-z0-9_]*$/

interface ProcRow {
  names: string[]
  modes: string[]
  input_types: string[]
  defaults: number
  returns_set: boolean
  returns_void: boolean
}

/** Reads the overloads of `public.<name>` from pg_proc (read per call: migrations may change them at any time). */
export async function functionSignatures(db: Pool | PoolClient, name: string): Promise<FunctionSignature[]> {
  const { rows } = await db.query<ProcRow>(
    `select coalesce(p.proargnames, '{}') as names, coalesce(p.proargmodes::text[], '{}') as modes,
            array(select format_type(t.oid, null) from unnest(p.proargtypes) with ordinality as t(oid, n) order by t.n) as input_types,
            p.pronargdefaults as defaults, p.proretset as returns_set, p.prorettype = 'void'::regtype as returns_void
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.proname = $1 and p.prokind = 'f'`,
    [name],
  )
  return rows.map((row) => {
    const inputNames = row.modes.length ? row.names.filter((_, i) => ['i', 'b', 'v'].includes(row.modes[i] ?? 'i')) : row.names.slice(0, row.input_types.length)
    const inputs = row.input_types.map((type, i) => ({ name: inputNames[i] ?? '', type }))
    return { inputs, required: inputs.length - row.defaults, returnsSet: row.returns_set, returnsVoid: row.returns_void }
  })
}

/** PostgREST's rule: every argument sent must be a parameter, and every parameter without a default must be sent. */
export function chooseOverload(signatures: FunctionSignature[], argNames: string[]): FunctionSignature | undefined {
  return signatures.find((signature) => {
    const names = signature.inputs.map((input) => input.name)
    const requiredNames = names.slice(0, signature.required)
    return argNames.every((arg) => names.includes(arg)) && requiredNames.every((name) => argNames.includes(name))
  })
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * `select … public.fn(a => $1::type, …)` shaped by what the function returns, plus its parameters.
 * The result comes back as JSON text, sent on as PostgREST does: a big answer (a pull page) is
 * not parsed into objects and serialised again.
 */
export function buildCall(name: string, signature: FunctionSignature, args: Record<string, unknown>): { sql: string; params: unknown[] } {
  const sent = signature.inputs.filter((input) => input.name in args)
  const params = sent.map((input) => toParam(args[input.name], input.type))
  const call = `public.${quoteIdent(name)}(${sent.map((input, i) => `${quoteIdent(input.name)} => $${i + 1}::${input.type}`).join(', ')})`
  if (signature.returnsVoid) return { sql: `select ${call}`, params }
  if (signature.returnsSet) return { sql: `select coalesce(jsonb_agg(to_jsonb(r)), '[]'::jsonb)::text as result from ${call} as r`, params }
  return { sql: `select to_jsonb(${call})::text as result`, params }
}

/** JSON arguments arrive as JSON text for json/jsonb parameters; others use node-pg's own conversion. */
function toParam(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null
  if (type === 'json' || type === 'jsonb') return JSON.stringify(value)
  return value
}
