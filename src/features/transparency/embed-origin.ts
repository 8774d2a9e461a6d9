/**
 * The origins that may frame the public page's embed view (docs/transparency.md, "Embedding"):
 * https, a host and an optional port, lower case, no path and no wildcard, as the browser compares
 * them against `frame-ancestors`. The same rule as the server's private.embed_origin_problem
 * (migration 20261205300001); a value that passes is also safe inside a response header.
 */
export type EmbedOriginProblem = 'required' | 'not_https' | 'wildcard' | 'not_origin'

const ORIGIN = /^https:\/\/[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[1-9][0-9]{0,4})?$/
const MAX_LENGTH = 262
const MAX_PORT = 65_535

export function embedOriginProblem(origin: string): EmbedOriginProblem | null {
  if (origin === '') return 'required'
  if (!origin.startsWith('https://')) return 'not_https'
  if (origin.includes('*')) return 'wildcard'
  const port = /:(\d+)$/.exec(origin)?.[1]
  if (!ORIGIN.test(origin) || origin.length > MAX_LENGTH || Number(port ?? 1) > MAX_PORT) return 'not_origin'
  return null
}

export const isEmbedOrigin = (origin: string): boolean => embedOriginProblem(origin) === null

/**
 * What an admin types, as the list holds it: spaces around it and a trailing slash (what a
 * browser's address bar shows) dropped, the host in lower case. A path stays, to be refused.
 */
export function normalisedOrigin(typed: string): string {
  const trimmed = typed.trim().replace(/\/$/, '')
  return /^https?:\/\/[^/]*$/i.test(trimmed) ? trimmed.toLowerCase() : trimmed
}
