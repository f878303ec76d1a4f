// The HTTP plumbing every provider stub shares: a node:http server on 127.0.0.1:0 that records each request
// and answers it as scripted (JSON, SSE token by token, error statuses, resets, hangs, cut or stalled streams).
// Each protocol file only says how its answers and errors look on the wire.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'

export interface RecordedRequest {
  method: string
  /** Path with the query string, e.g. `/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`. */
  path: string
  headers: IncomingHttpHeaders
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body: unknown
  /** When the request line arrived, on the `performance.now()` clock. */
  receivedAt: number
  /** When the exchange ended (response finished or connection closed), on the same clock; unset while open. */
  closedAt?: number
  /** True when the client went away before the response was complete (an abort closing the socket). */
  clientAborted?: boolean
  /**
   * True when the client went away before the stub had read the body: on a busy machine the stub can get to a request
   * only after the caller's limit has passed. Such a request has no body and its `receivedAt` says when the stub got to
   * it, not when it was sent, so how long it was held is unknown.
   */
  abandonedUnread?: boolean
}

export interface StubUsage {
  promptTokens: number
  completionTokens: number
  reasoningTokens?: number
}

/** A successful answer, and how the stream carrying it misbehaves. */
export interface AnswerBehaviour {
  type?: 'answer'
  text?: string
  /** The protocol's own value (`stop`, `length`, `content_filter`; `STOP`, `MAX_TOKENS`, `SAFETY`); null sends none. */
  finishReason?: string | null
  /** null leaves usage out; unset derives it from the request and the answer. */
  usage?: StubUsage | null
  /** The model the reply names; defaults to the model asked for. */
  model?: string
  /** Wait before sending the status line and headers. */
  headersDelayMs?: number
  /** For streams: wait between the headers and the first event. */
  firstTokenDelayMs?: number
  /** For streams: wait before each later event. */
  tokenDelayMs?: number
  /** For streams: destroy the socket after this many events. */
  cutAfterChunks?: number
  /** For streams: stop writing after this many events but keep the connection open. */
  stallAfterChunks?: number
  /** For streams: send a data line that is not JSON after this many events. */
  malformedAfterChunks?: number
  /** For streams: end without the protocol's terminator (`data: [DONE]`). */
  omitDone?: boolean
  /** Gemini only: the prompt is blocked; the reply has `promptFeedback.blockReason` and no candidates. */
  blockReason?: string
}

/** A reply written out whole: an error status, or (`raw`) any status with a hand-made body. */
export interface ErrorBehaviour {
  type: 'error' | 'raw'
  status: number
  /** An object is sent as JSON, a string as text/plain. */
  body?: unknown
  headers?: Record<string, string>
  headersDelayMs?: number
}

export type Behaviour =
  | AnswerBehaviour
  | ErrorBehaviour
  /** Destroy the connection before any response byte. */
  | { type: 'reset' }
  /** Accept the request and never answer; `close()` ends it. */
  | { type: 'hang' }

export interface Rule {
  behaviour: Behaviour
  /** How many requests the rule answers before it no longer applies; unlimited when unset. */
  times?: number
}

/** What a protocol learns from a request it serves. */
export interface Route {
  model: string
  stream: boolean
  /** OpenAI `stream_options.include_usage`: whether the stream ends with a usage chunk. */
  includeUsage: boolean
}

/** Everything the server decided about one answer; the protocol turns it into bytes. */
export interface ResolvedAnswer {
  id: string
  model: string
  text: string
  /** The text split into the pieces streamed one event each. */
  tokens: string[]
  finishReason: string | null
  usage: StubUsage | null
  includeUsage: boolean
  blockReason?: string
  created: number
}

export interface WireProtocol {
  /** Where SDKs are pointed: `/v1` for OpenAI-style APIs, '' for Gemini's host root. */
  basePath: string
  defaultModel: string
  defaultFinishReason: string
  /** Returns how to serve a request, or undefined for a path the real API does not have. */
  route: (method: string, url: URL, body: unknown) => Route | undefined
  json: (answer: ResolvedAnswer) => unknown
  /** The stream's events in order, each sent as one `data:` line of JSON. */
  events: (answer: ResolvedAnswer) => unknown[]
  /** A final non-JSON event, e.g. `[DONE]`. */
  terminator?: string
  /** Between SSE events; Google sends CRLF pairs. */
  eventSeparator: string
  errorBody: (status: number, message: string) => unknown
  /** Named faults selectable with the `x-stub-fault` request header. */
  presets: Record<string, Rule>
}

export interface StubServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** The URL to give the SDK (`url` + the protocol's base path). */
  baseUrl: string
  requests: RecordedRequest[]
  presets: Record<string, Rule>
  /** Sets how requests are answered: for all of them, or only for one model; the latest matching rule wins. */
  setBehaviour: (behaviour: Behaviour, match?: { model?: string, times?: number }) => void
  /** Scripted replies for the next requests in arrival order, before any other rule. */
  enqueue: (...behaviours: Behaviour[]) => void
  /** Forgets recorded requests, rules and the queue. */
  reset: () => void
  /** Resolves once at least `count` requests have arrived. */
  waitForRequests: (count: number) => Promise<RecordedRequest[]>
  /** Resolves once the exchange of this request has ended. */
  waitForClose: (request: RecordedRequest) => Promise<RecordedRequest>
  /** Destroys every open connection (hung or stalled ones too) and stops listening. */
  close: () => Promise<void>
}

export const DEFAULT_ANSWER = 'A container packages an application with everything it needs, so it runs the same way on a laptop and in the cloud.'

interface StoredRule extends Rule {
  model?: string
  used: number
}

/** Pieces of roughly one token each: a word with the space after it. */
export function splitTokens (text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? []
}

/** The transport faults every protocol supports, plus the protocol's own error replies. */
export function faultPresets (errors: {
  rateLimited: ErrorBehaviour
  rateLimitedMs: ErrorBehaviour
  serverError: ErrorBehaviour
  unavailable: ErrorBehaviour
  contextLength: ErrorBehaviour
  contentFilter: Behaviour
}): Record<string, Rule> {
  return {
    'rate-limited': { behaviour: errors.rateLimited },
    'rate-limited-ms': { behaviour: errors.rateLimitedMs },
    'server-error-once': { behaviour: errors.serverError, times: 1 },
    unavailable: { behaviour: errors.unavailable },
    'context-length': { behaviour: errors.contextLength },
    'content-filter': { behaviour: errors.contentFilter },
    reset: { behaviour: { type: 'reset' } },
    hang: { behaviour: { type: 'hang' } },
    'slow-first-token': { behaviour: { firstTokenDelayMs: 1000 } },
    cut: { behaviour: { cutAfterChunks: 3 } },
    stall: { behaviour: { stallAfterChunks: 2 } },
    malformed: { behaviour: { malformedAfterChunks: 2 } },
    'no-done': { behaviour: { omitDone: true } },
    'no-finish': { behaviour: { omitDone: true, finishReason: null } }
  }
}

export async function startStubServer (protocol: WireProtocol): Promise<StubServer> {
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  const queue: Behaviour[] = []
  let rules: StoredRule[] = []
  const presetUses = new Map<string, number>()
  const destroyedByStub = new WeakSet<ServerResponse>()
  let arrivals: Array<() => void> = []
  let counter = 0

  function pick (route: Route | undefined, fault: string | undefined): Behaviour {
    const queued = queue.shift()
    if (queued !== undefined) return queued
    if (fault !== undefined && Object.hasOwn(protocol.presets, fault)) {
      const preset = protocol.presets[fault]
      const used = presetUses.get(fault) ?? 0
      if (preset.times === undefined || used < preset.times) {
        presetUses.set(fault, used + 1)
        return preset.behaviour
      }
    }
    for (let i = rules.length - 1; i >= 0; i--) {
      const rule = rules[i]
      if (rule.model !== undefined && rule.model !== route?.model) continue
      if (rule.times !== undefined && rule.used >= rule.times) continue
      rule.used++
      return rule.behaviour
    }
    return {}
  }

  function wakeArrivals (): void {
    const waiting = arrivals
    arrivals = []
    for (const wake of waiting) wake()
  }

  async function handle (req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now()
    const url = new URL(req.url ?? '/', 'http://stub.invalid')
    let raw: string
    try {
      raw = await readBody(req)
    } catch {
      // Still an attempt the client made: recorded, so a test counting attempts sees it.
      requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, headers: req.headers, body: undefined, receivedAt, closedAt: performance.now(), clientAborted: true, abandonedUnread: true })
      wakeArrivals()
      res.destroy()
      return
    }
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      headers: req.headers,
      body: parseBody(raw, req.headers['content-type']),
      receivedAt
    }
    requests.push(recorded)
    const ended = new AbortController()
    res.on('close', () => {
      recorded.closedAt = performance.now()
      recorded.clientAborted = !res.writableFinished && !destroyedByStub.has(res)
      ended.abort()
    })
    wakeArrivals()

    const route = protocol.route(recorded.method, url, recorded.body)
    const faultHeader = req.headers['x-stub-fault']
    const behaviour = pick(route, typeof faultHeader === 'string' ? faultHeader : undefined)
    if (route === undefined && behaviour.type !== 'reset' && behaviour.type !== 'hang') {
      sendJson(res, 404, protocol.errorBody(404, `no route for ${recorded.method} ${url.pathname}`))
      return
    }
    const signal = ended.signal
    switch (behaviour.type) {
      case 'reset':
        destroyedByStub.add(res)
        req.socket.destroy()
        return
      case 'hang':
        return
      case 'error':
      case 'raw':
        if (!(await pause(behaviour.headersDelayMs, signal))) return
        sendError(res, behaviour)
        return
      default: {
        if (route === undefined) return
        const answer = resolveAnswer(behaviour, route, recorded.body, `stub-${++counter}`)
        if (!(await pause(behaviour.headersDelayMs, signal))) return
        if (route.stream) await sendStream(req, res, answer, behaviour, signal)
        else sendJson(res, 200, protocol.json(answer))
      }
    }
  }

  function resolveAnswer (behaviour: AnswerBehaviour, route: Route, body: unknown, id: string): ResolvedAnswer {
    const text = behaviour.text ?? DEFAULT_ANSWER
    const tokens = splitTokens(text)
    const reasoning = behaviour.usage?.reasoningTokens
    return {
      id,
      model: behaviour.model ?? route.model,
      text,
      tokens,
      finishReason: behaviour.finishReason === undefined ? protocol.defaultFinishReason : behaviour.finishReason,
      usage: behaviour.usage === undefined
        ? { promptTokens: splitTokens(JSON.stringify(body ?? '')).length, completionTokens: tokens.length }
        : behaviour.usage === null ? null : { ...behaviour.usage, ...(reasoning !== undefined ? { reasoningTokens: reasoning } : {}) },
      includeUsage: route.includeUsage,
      blockReason: behaviour.blockReason,
      created: Math.floor(Date.now() / 1000)
    }
  }

  async function sendStream (req: IncomingMessage, res: ServerResponse, answer: ResolvedAnswer, behaviour: AnswerBehaviour, signal: AbortSignal): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
    res.flushHeaders()
    const events = protocol.events(answer)
    const separator = protocol.eventSeparator
    for (let i = 0; i < events.length; i++) {
      if (!(await pause(i === 0 ? behaviour.firstTokenDelayMs : behaviour.tokenDelayMs, signal))) return
      if (i === behaviour.cutAfterChunks) {
        destroyedByStub.add(res)
        req.socket.destroy()
        return
      }
      if (i === behaviour.stallAfterChunks) {
        await untilAborted(signal)
        return
      }
      if (i === behaviour.malformedAfterChunks) res.write(`data: {"choices": [{"delta": {"content": "unterminated${separator}`)
      res.write(`data: ${JSON.stringify(events[i])}${separator}`)
    }
    if (protocol.terminator !== undefined && behaviour.omitDone !== true) res.write(`data: ${protocol.terminator}${separator}`)
    res.end()
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => { res.destroy() })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => { resolve() })
  })
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`

  return {
    url,
    baseUrl: url + protocol.basePath,
    requests,
    presets: protocol.presets,
    setBehaviour (behaviour, match = {}) {
      rules.push({ behaviour, model: match.model, times: match.times, used: 0 })
    },
    enqueue (...behaviours) {
      queue.push(...behaviours)
    },
    reset () {
      requests.length = 0
      queue.length = 0
      rules = []
      presetUses.clear()
    },
    async waitForRequests (count) {
      while (requests.length < count) {
        await new Promise<void>(resolve => { arrivals.push(resolve) })
      }
      return requests.slice(0, count)
    },
    async waitForClose (request) {
      while (request.closedAt === undefined) await sleep(5)
      return request
    },
    async close () {
      for (const socket of sockets) socket.destroy()
      server.closeAllConnections()
      await new Promise<void>(resolve => { server.close(() => { resolve() }) })
    }
  }
}

function sendJson (res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

function sendError (res: ServerResponse, behaviour: ErrorBehaviour): void {
  const headers = behaviour.headers ?? {}
  if (typeof behaviour.body === 'string') {
    res.writeHead(behaviour.status, { 'content-type': 'text/plain; charset=utf-8', ...headers })
    res.end(behaviour.body)
    return
  }
  const text = JSON.stringify(behaviour.body ?? {})
  res.writeHead(behaviour.status, { 'content-type': 'application/json', ...headers })
  res.end(text)
}

/** Waits `ms` unless the exchange ends first; says whether it is still worth answering. */
async function pause (ms: number | undefined, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false
  if (ms === undefined || ms <= 0) return true
  try {
    await sleep(ms, undefined, { signal })
    return true
  } catch {
    return false
  }
}

async function untilAborted (signal: AbortSignal): Promise<void> {
  if (signal.aborted) return
  await new Promise<void>(resolve => { signal.addEventListener('abort', () => { resolve() }, { once: true }) })
}

async function readBody (req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function parseBody (raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined
  if (contentType?.includes('json') === true) {
    try {
      return JSON.parse(raw)
    } catch {
      return raw
    }
  }
  return raw
}
