import { isEmbedOrigin } from '../../src/features/transparency/embed-origin'
import type { PublicReaders } from './public-readers'

/**
 * Who may frame the public page's embed view (docs/transparency.md, "Embedding"): the origins an
 * admin lists, read from the backend's public `embed_origins()`. Every other path of the app, and
 * the embed view whenever the list cannot be read, answers `frame-ancestors 'none'`: fail closed.
 */

/** `/trasparenza/incorpora` and `/trasparenza/incorpora/<snapshot id>`. */
const EMBED_PATH = /^\/trasparenza\/incorpora(\/[^/]+)?\/?$/

export function isEmbedPath(pathname: string): boolean {
  return EMBED_PATH.test(pathname)
}

/** The directive's sources: the listed origins, or 'none' without any. Anything not an origin is left out. */
export function frameAncestorSources(origins: readonly string[] | null): string {
  const safe = (origins ?? []).filter(isEmbedOrigin)
  return safe.length > 0 ? safe.join(' ') : "'none'"
}

/** Where the list comes from; throws when it cannot say. */
export type EmbedOriginsSource = PublicReaders['embedOrigins']

export interface CacheTimes {
  /** How long a list read is used: an origin an admin adds or removes takes effect within it. */
  ttlMs?: number
  /** How long a failure answers 'none' before the backend is asked again. */
  failureTtlMs?: number
  now?: () => number
}

/**
 * The list as the embed view's header needs it: read at most once per `ttlMs` (requests meanwhile
 * share the read), null while the backend cannot be read.
 */
export function cachedEmbedOrigins(source: EmbedOriginsSource, { ttlMs = 60_000, failureTtlMs = 5_000, now = Date.now }: CacheTimes = {}): () => Promise<readonly string[] | null> {
  let origins: Promise<readonly string[] | null> | undefined
  let until = 0
  return () => {
    if (!origins || now() >= until) {
      until = Number.POSITIVE_INFINITY
      origins = source().then(
        (list) => ((until = now() + ttlMs), list),
        () => ((until = now() + failureTtlMs), null),
      )
    }
    return origins
  }
}
