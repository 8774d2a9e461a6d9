import type { IncomingMessage, ServerResponse } from 'node:http'

/** Request headers supabase-js sends; the browser app runs on another origin, so CORS must allow them. */
const ALLOWED_HEADERS = 'apikey, authorization, content-type, x-client-info, x-supabase-api-version, x-retry-count, prefer, accept-profile, content-profile'
const EXPOSED_HEADERS = 'x-supabase-api-version, content-range, www-authenticate'

export function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-expose-headers': EXPOSED_HEADERS,
    'access-control-max-age': '600',
    vary: 'Origin',
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJsonText(res, status, JSON.stringify(body), headers)
}

/** A body that already is JSON text (as the database wrote it). */
export function sendJsonText(res: ServerResponse, status: number, json: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' })
  res.end(json)
}

export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status).end()
}

export class BodyError extends Error {}

const MAX_BODY_BYTES = 8 * 1024 * 1024

/** The parsed JSON body; an empty body is `{}` (supabase-js sends none for argument-less calls). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new BodyError('Request body too large')
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8').trim()
  if (!text) return {}
  try {
    return JSON.parse(text)
  } catch {
    throw new BodyError('Request body is not valid JSON')
  }
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
  return match?.[1]
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}
