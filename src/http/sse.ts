// Server-sent events on a Fastify reply: the headers once, then events, keep-alive comments, and a clean end.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { OutgoingHttpHeaders } from 'node:http'

export const SSE_PING_INTERVAL_MS = 15_000

export interface SseOptions {
  /** Time between `: ping` comments, which keep proxies and load balancers from closing an idle stream. */
  pingIntervalMs?: number
}

/** True when the client lists `text/event-stream` among the media types it accepts (with a non-zero q). */
export function acceptsEventStream (request: FastifyRequest): boolean {
  const accept = request.headers.accept
  if (accept === undefined) return false
  return accept.split(',').some(range => {
    const [type, ...params] = range.split(';').map(s => s.trim().toLowerCase())
    if (type !== 'text/event-stream') return false
    const q = params.find(p => p.startsWith('q='))
    return q === undefined || Number(q.slice(2)) > 0
  })
}

/**
 * Nothing is written until `open()`, so a failure found before the first event can still leave as an
 * ordinary error response with its own status.
 */
export class SseStream {
  #open = false
  #ended = false
  #timer: NodeJS.Timeout | undefined
  /** Events written while the client is not reading: sent together once the socket drains. */
  #pending: string[] = []
  #blocked = false

  constructor (private readonly reply: FastifyReply, private readonly options: SseOptions = {}) {}

  get started (): boolean {
    return this.#open
  }

  /** The stream has ended or the client has gone: further writes are dropped. */
  get closed (): boolean {
    return this.#ended || this.reply.raw.destroyed || this.reply.raw.writableEnded
  }

  open (): void {
    if (this.#open) return
    this.#open = true
    const { reply } = this
    // Headers set by hooks (x-request-id, security and CORS headers) are kept: hijacking would otherwise drop them.
    const headers: OutgoingHttpHeaders = {}
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined && name !== 'content-length') headers[name] = value
    }
    reply.hijack()
    reply.raw.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      // nginx and some proxies buffer responses unless told not to, which would hold events back.
      'x-accel-buffering': 'no'
    })
    reply.raw.flushHeaders()
    // A ping only matters on an idle stream; one whose writes are waiting for the client is not idle.
    this.#timer = setInterval(() => { if (!this.#blocked) this.comment('ping') }, this.options.pingIntervalMs ?? SSE_PING_INTERVAL_MS)
    this.#timer.unref()
    reply.raw.once('close', () => { this.#stop() })
  }

  /** A named event (`event:` line) whose data is already serialised JSON. */
  event (name: string, json: string): void {
    this.#write(`event: ${name}\ndata: ${json}\n\n`)
  }

  /** An unnamed event, as OpenAI streams send them. */
  data (text: string): void {
    this.#write(`data: ${text}\n\n`)
  }

  comment (text: string): void {
    this.#write(`: ${text}\n\n`)
  }

  end (): void {
    this.#stop()
    if (this.#open && !this.closed) this.reply.raw.end(this.#takePending())
    this.#ended = true
  }

  /**
   * Honours back-pressure: once the socket's buffer is full, events wait here and leave as one write when
   * it drains. What can wait is bounded by the answers themselves (MAX_ANSWER_CHARS per provider).
   */
  #write (chunk: string): void {
    if (!this.#open) this.open()
    if (this.closed) return
    if (this.#blocked) {
      this.#pending.push(chunk)
      return
    }
    if (!this.reply.raw.write(chunk)) this.#waitForDrain()
  }

  #waitForDrain (): void {
    this.#blocked = true
    this.reply.raw.once('drain', () => {
      this.#blocked = false
      const waiting = this.#takePending()
      if (waiting !== '' && !this.closed && !this.reply.raw.write(waiting)) this.#waitForDrain()
    })
  }

  #takePending (): string {
    const waiting = this.#pending.join('')
    this.#pending = []
    return waiting
  }

  #stop (): void {
    if (this.#timer !== undefined) clearInterval(this.#timer)
    this.#timer = undefined
  }
}
