// Load shedding for the routes that call providers. A new ask is refused with a fast 503 + Retry-After, before
// any provider is called, when the process is saturated:
// - MAX_INFLIGHT_ASKS asks are being answered already (an ask mostly waits on providers, so a process can be
//   full of asks with an idle event loop), or
// - the event loop is late: its mean delay over the last sample window passed SHED_EVENT_LOOP_DELAY_MS. A
//   late loop delays every answer already accepted; taking more work only makes all of them late, while a
//   503 costs a fraction of an ask and lets the client (or the load balancer) go elsewhere.
// Everything else keeps answering, so health checks and the page stay up while the process sheds the expensive work.
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ProblemType } from '../http/problem.js'
import { accessError } from './auth.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Asks being answered right now (the gauge metrics export). */
    inflightAsks: () => number
    /** Event-loop delay (mean, ms) over the last sample window, as the shedding decision sees it. */
    eventLoopDelayMs: () => number
  }
}

/** How often the event-loop delay is read and its histogram restarted. */

/** The routes that fan out to the providers: the only ones worth shedding. */
export const ASK_ROUTES = new Set(['/api/ask', '/api/prompt', '/v1/chat/completions'])

export interface LoadSheddingOptions {
  /** Retry-After (s) on a shed ask. */
  retryAfterS?: number
}

/** The window the delay is averaged over, and how often the loop's lateness is sampled within it. */
const WINDOW_MS = 100
const TICK_MS = 10

/**
 * The event loop's recent delay: a timer every TICK_MS notes how late it fires; the figure is the mean
 * lateness over the last full window or the current one so far, whichever is larger. The mean, not a high
 * percentile: one garbage-collection pause is not saturation, a loop late at every turn is. A timer of our
 * own rather than perf_hooks' histogram, which a long blocking burst leaves with no sample at all when read.
 */
function watchEventLoop (): { delayMs: () => number, stop: () => void } {
  let previous = 0
  let sum = 0
  let count = 0
  let windowStart = performance.now()
  let expected = windowStart + TICK_MS
  let timer: NodeJS.Timeout
  const tick = (): void => {
    const now = performance.now()
    sum += Math.max(0, now - expected)
    count++
    if (now - windowStart >= WINDOW_MS) {
      previous = sum / count
      sum = 0
      count = 0
      windowStart = now
    }
    expected = now + TICK_MS
    timer = setTimeout(tick, TICK_MS)
    timer.unref()
  }
  timer = setTimeout(tick, TICK_MS)
  timer.unref()
  return { delayMs: () => Math.max(previous, count > 0 ? sum / count : 0), stop: () => { clearTimeout(timer) } }
}

const counted = new WeakSet<FastifyRequest>()

function isAsk (request: FastifyRequest): boolean {
  return request.method === 'POST' && request.routeOptions.url !== undefined && ASK_ROUTES.has(request.routeOptions.url)
}

async function loadSheddingPlugin (app: FastifyInstance, options: LoadSheddingOptions): Promise<void> {
  const max = app.config.maxInflightAsks
  const retryAfterS = options.retryAfterS ?? 2
  const maxDelayMs = app.config.shedEventLoopDelayMs
  let inflight = 0
  app.decorate('inflightAsks', () => inflight)
  const loop = maxDelayMs > 0 ? watchEventLoop() : undefined
  app.decorate('eventLoopDelayMs', () => loop?.delayMs() ?? 0)
  app.addHook('onClose', async () => { loop?.stop() })

  // One warning per second at most: a line per refused ask would add to the very load being shed.
  let refused = 0
  let reportedAt = 0
  const report = (request: FastifyRequest, reason: string, delayMs: number): void => {
    refused++
    const now = Date.now()
    if (now - reportedAt < 1000) return
    request.log.warn({ refused, inflight, max, eventLoopDelayMs: Math.round(delayMs) }, `asks refused: ${reason}`)
    reportedAt = now
    refused = 0
  }

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isAsk(request)) return
    const delayMs = loop?.delayMs() ?? 0
    // One ask is always let through: with nothing in flight the delay is not the asks' doing.
    if (loop !== undefined && delayMs > maxDelayMs && inflight > 0) {
      report(request, 'event loop saturated', delayMs)
      throw accessError({
        status: 503,
        type: ProblemType.overloaded,
        title: 'Overloaded',
        detail: `The server is saturated (event loop ${Math.round(delayMs)} ms late); retry in ${retryAfterS} s.`,
        retryAfterS
      })
    }
    if (inflight >= max) {
      report(request, 'too many in flight', delayMs)
      throw accessError({
        status: 503,
        type: ProblemType.overloaded,
        title: 'Overloaded',
        detail: `The server is answering ${max} questions already; retry in ${retryAfterS} s.`,
        retryAfterS
      })
    }
    inflight++
    counted.add(request)
    // 'close' fires once whether the response finished or the client went away mid-answer.
    reply.raw.once('close', () => {
      if (counted.delete(request)) inflight--
    })
  })
}

export default fp(loadSheddingPlugin, { name: 'iscoolgpt-load-shedding' })
