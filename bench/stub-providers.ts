// Load-test stand-ins for OpenAI, Gemini and the Hugging Face router: one process, one port per protocol.
//
// Run on its own (`node --import tsx bench/stub-providers.ts`) it prints the ports; forked by the
// benchmark it reports them over IPC. Behaviour per provider (latency, jitter, answer size, failure
// rate, silence) comes from BENCH_STUB_<OPENAI|GEMINI|HF> (JSON) and can be changed at any time with
// `PUT /__bench/behaviour` on that provider's port; `GET /__bench/stats` counts what happened.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { answerText, tokenEstimate } from './answer-text.js'

export const STUB_IDS = ['openai', 'gemini', 'hf'] as const
export type StubId = (typeof STUB_IDS)[number]

export interface Behaviour {
  /** Time before the response is sent; 0 answers at once, without a timer. */
  latencyMs: number
  /** Extra uniform random delay in [0, jitterMs). */
  jitterMs: number
  /** Answer length in words (whole sentences, so slightly more). */
  words: number
  /** Share of requests answered with a 500 error after the latency, 0..1. */
  failureRate: number
  /** Accept the request and never answer (the client must give up). */
  silent: boolean
  /** Seed of the answer text: equal seeds give equal answers. */
  seed: number
  /** A fixed answer instead of a generated one. */
  text?: string
}

export interface StubStats {
  requests: number
  answered: number
  failed: number
  /** Requests whose client went away before the answer was sent (deadline, cancellation). */
  abandoned: number
  /** Requests held right now by a silent stub. */
  holding: number
}

export const DEFAULT_BEHAVIOUR: Behaviour = { latencyMs: 0, jitterMs: 0, words: 200, failureRate: 0, silent: false, seed: 1 }

const SEEDS: Record<StubId, number> = { openai: 1, gemini: 2, hf: 3 }

interface Protocol {
  matches: (method: string, path: string) => boolean
  ok: (model: string, text: string) => unknown
  error: () => unknown
}

const openAiWire: Protocol = {
  matches: (method, path) => method === 'POST' && path === '/v1/chat/completions',
  ok: (model, text) => ({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 120, completion_tokens: tokenEstimate(text), total_tokens: 120 + tokenEstimate(text) }
  }),
  error: () => ({ error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } })
}

const GEMINI_ROUTE = /^\/v1beta\/models\/([^/:]+):generateContent$/

const geminiWire: Protocol = {
  matches: (method, path) => method === 'POST' && GEMINI_ROUTE.test(path),
  ok: (model, text) => ({
    candidates: [{ content: { parts: [{ text }], role: 'model' }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: 120, candidatesTokenCount: tokenEstimate(text), totalTokenCount: 120 + tokenEstimate(text) },
    modelVersion: model,
    responseId: 'bench'
  }),
  error: () => ({ error: { code: 500, message: 'An internal error has occurred.', status: 'INTERNAL' } })
}

const PROTOCOLS: Record<StubId, Protocol> = { openai: openAiWire, gemini: geminiWire, hf: openAiWire }

function parseBehaviour (raw: string | undefined): Partial<Behaviour> {
  if (raw === undefined || raw.trim() === '') return {}
  return JSON.parse(raw) as Partial<Behaviour>
}

function sendJson (res: http.ServerResponse, status: number, body: Buffer | string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

class StubProvider {
  behaviour: Behaviour
  readonly stats: StubStats = { requests: 0, answered: 0, failed: 0, abandoned: 0, holding: 0 }
  // Bodies are serialised once per model so the stub spends its time on the wire, not on JSON.
  private bodies = new Map<string, Buffer>()
  private readonly errorBody: Buffer

  constructor (readonly id: StubId, initial: Partial<Behaviour>) {
    this.behaviour = { ...DEFAULT_BEHAVIOUR, seed: SEEDS[id], ...initial }
    this.errorBody = Buffer.from(JSON.stringify(PROTOCOLS[id].error()))
  }

  configure (change: Partial<Behaviour>): Behaviour {
    this.behaviour = { ...this.behaviour, ...change }
    if (change.text === undefined && 'text' in change) delete this.behaviour.text
    this.bodies = new Map()
    return this.behaviour
  }

  private body (model: string): Buffer {
    let body = this.bodies.get(model)
    if (body === undefined) {
      const text = this.behaviour.text ?? answerText(this.behaviour.seed, this.behaviour.words)
      body = Buffer.from(JSON.stringify(PROTOCOLS[this.id].ok(model, text)))
      this.bodies.set(model, body)
    }
    return body
  }

  handle (req: http.IncomingMessage, res: http.ServerResponse, payload: string): void {
    const path = (req.url ?? '/').split('?')[0] as string
    if (path === '/__bench/behaviour' && req.method === 'PUT') {
      sendJson(res, 200, JSON.stringify(this.configure(JSON.parse(payload === '' ? '{}' : payload) as Partial<Behaviour>)))
      return
    }
    if (path === '/__bench/behaviour' && req.method === 'GET') return sendJson(res, 200, JSON.stringify(this.behaviour))
    if (path === '/__bench/stats' && req.method === 'GET') return sendJson(res, 200, JSON.stringify(this.stats))
    if (path === '/__bench/stats' && req.method === 'DELETE') {
      Object.assign(this.stats, { requests: 0, answered: 0, failed: 0, abandoned: 0 })
      return sendJson(res, 200, JSON.stringify(this.stats))
    }
    if (!PROTOCOLS[this.id].matches(req.method ?? 'GET', path)) return sendJson(res, 404, '{"error":{"message":"not found"}}')

    this.stats.requests++
    const b = this.behaviour
    const model = this.modelOf(path, payload)
    let timer: NodeJS.Timeout | undefined
    res.on('close', () => {
      if (res.writableFinished) return
      clearTimeout(timer)
      this.stats.abandoned++
      if (b.silent) this.stats.holding--
    })
    if (b.silent) {
      this.stats.holding++
      return
    }
    const answer = (): void => {
      if (b.failureRate > 0 && Math.random() < b.failureRate) {
        this.stats.failed++
        sendJson(res, 500, this.errorBody)
        return
      }
      this.stats.answered++
      sendJson(res, 200, this.body(model))
    }
    const delay = b.latencyMs + (b.jitterMs > 0 ? Math.random() * b.jitterMs : 0)
    if (delay <= 0) answer()
    else timer = setTimeout(answer, delay)
  }

  private modelOf (path: string, payload: string): string {
    if (this.id === 'gemini') return decodeURIComponent(GEMINI_ROUTE.exec(path)?.[1] ?? 'gemini')
    // The model is the first field the SDKs write; a regex keeps the stub from parsing every body.
    return /"model"\s*:\s*"([^"]+)"/.exec(payload)?.[1] ?? 'bench-model'
  }
}

export interface RunningStubs {
  ports: Record<StubId, number>
  close: () => Promise<void>
}

export async function startStubs (initial: Partial<Record<StubId, Partial<Behaviour>>> = {}): Promise<RunningStubs> {
  const servers: http.Server[] = []
  const ports = {} as Record<StubId, number>
  for (const id of STUB_IDS) {
    const stub = new StubProvider(id, initial[id] ?? {})
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => stub.handle(req, res, Buffer.concat(chunks).toString('utf8')))
    })
    // Longer than undici's keep-alive, so a client never reuses a socket the stub is closing.
    server.keepAliveTimeout = 65_000
    server.headersTimeout = 66_000
    server.requestTimeout = 0
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    ports[id] = (server.address() as AddressInfo).port
    servers.push(server)
  }
  return {
    ports,
    close: async () => {
      await Promise.all(servers.map(async s => await new Promise<void>(resolve => {
        s.closeAllConnections()
        s.close(() => resolve())
      })))
    }
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (isMain) {
  const stubs = await startStubs({
    openai: parseBehaviour(process.env.BENCH_STUB_OPENAI),
    gemini: parseBehaviour(process.env.BENCH_STUB_GEMINI),
    hf: parseBehaviour(process.env.BENCH_STUB_HF)
  })
  if (process.send !== undefined) process.send({ type: 'ready', ports: stubs.ports })
  else process.stdout.write(`stub providers listening: ${JSON.stringify(stubs.ports)}\n`)
  const stop = (): void => { void stubs.close().then(() => process.exit(0)) }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  process.on('disconnect', stop)
}
