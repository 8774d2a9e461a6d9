import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'

/**
 * An HTTP proxy between supabase-js and the local gateway that breaks chosen requests
 * the ways a field network does. Each request asks `decide` for a fault; the proxy
 * counts what it injected so a test can print and check it.
 */
export const FAULT_KINDS = ['drop_before', 'drop_after_commit', 'cut_mid_response', 'http_500', 'slow_answer', 'timeout', 'gateway_restart'] as const
export type FaultKind = (typeof FAULT_KINDS)[number]

export interface ProxiedRequest {
  method: string
  path: string
  /** 1-based count of requests seen so far. */
  n: number
}

export interface FaultProxyOptions {
  /** Where healthy requests go, e.g. the gateway's url. */
  upstream: string
  /** The fault for this request, or null to forward it untouched. */
  decide?: (request: ProxiedRequest) => FaultKind | null
  /** Called for 'gateway_restart' once the request is on its way upstream: close and start the gateway. */
  restartGateway?: () => Promise<void>
  /** How late a 'slow_answer' arrives: under the client's timeout, or it would be a 'timeout'. */
  slowAnswerMs?: number
}

export interface FaultProxy {
  url: string
  /** Down: every connection is refused-like (destroyed at once), as with no signal at all. */
  setDown(down: boolean): void
  readonly injected: Record<FaultKind, number>
  /** Each injected fault with the path it hit, in order. */
  readonly log: { kind: FaultKind; path: string }[]
  close(): Promise<void>
}

interface UpstreamAnswer {
  status: number
  headers: IncomingMessage['headers']
  body: Buffer
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })
}

/** Forwards and waits for the whole answer: once it is here, the server has committed. */
function forward(upstream: URL, req: IncomingMessage, body: Buffer): Promise<UpstreamAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, connection: 'close' }, agent: false },
      (answer) => readBody(answer).then((buffer) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: buffer }), reject),
    )
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}

/** The upstream answer's head as this proxy sends it: its own length, no chunking, its own connection. */
function writeHead(res: ServerResponse, answer: UpstreamAnswer): ServerResponse {
  const headers = { ...answer.headers }
  delete headers['transfer-encoding']
  delete headers.connection
  return res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) })
}

const relay = (res: ServerResponse, answer: UpstreamAnswer) => void writeHead(res, answer).end(answer.body)

const cutMidway = (res: ServerResponse, answer: UpstreamAnswer) =>
  void writeHead(res, answer).write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => res.socket?.destroy())

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.upstream)
  const injected = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>
  const log: FaultProxy['log'] = []
  let down = false
  let seen = 0

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const fault = options.decide?.({ method: req.method ?? 'GET', path: req.url ?? '/', n: ++seen }) ?? null
    if (fault) {
      injected[fault]++
      log.push({ kind: fault, path: req.url ?? '/' })
    }
    if (fault === 'drop_before') return void res.socket?.destroy()
    if (fault === 'http_500') {
      // With the gateway's CORS header, so a browser sees the 5xx itself rather than a network error.
      const cors = req.headers.origin ? { 'access-control-allow-origin': req.headers.origin, vary: 'Origin' } : {}
      res.writeHead(seen % 2 ? 500 : 503, { 'content-type': 'application/json', ...cors }).end('{"message":"injected server error"}')
      return
    }
    if (fault === 'gateway_restart') {
      const answer = forward(upstream, req, body)
      answer.catch(() => undefined)
      await options.restartGateway?.()
      return relay(res, await answer)
    }
    const answer = await forward(upstream, req, body)
    // The server committed; the device never hears it: cut now, or stay silent until it gives up.
    if (fault === 'drop_after_commit') return void res.socket?.destroy()
    if (fault === 'timeout') return
    // The server committed; the device gets the status and half the body, then the line drops.
    if (fault === 'cut_mid_response') return cutMidway(res, answer)
    if (fault === 'slow_answer') await delay(options.slowAnswerMs ?? 500)
    relay(res, answer)
  }

  const server = createServer((req, res) => {
    if (down) return void req.socket.destroy()
    handle(req, res).catch(() => res.socket?.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    setDown(value) {
      down = value
    },
    injected,
    log,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
