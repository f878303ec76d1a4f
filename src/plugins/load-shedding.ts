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
import { monitorEventLoopDelay } from 'node:perf_hooks'
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
const SAMPLE_MS = 100

/** The routes that fan out to the providers: the only ones worth shedding. */
export const ASK_ROUTES = new Set(['/api/ask', '/api/prompt', '/v1/chat/completions'])

export interface LoadSheddingOptions {
  /** Retry-After (s) on a shed ask. */
  retryAfterS?: number
}

/**
 * The event loop's recent delay: a histogram sampled every 10 ms, read and restarted every SAMPLE_MS, so a
 * burst is seen within a tenth of a second and forgotten as quickly once it passes.
 */
function watchEventLoop (): { delayMs: () => number, stop: () => void } {
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  let delayMs = 0
  const timer = setInterval(() => {
    // The mean, not a high percentile: one garbage-collection pause is not saturation, a loop late at every
    // turn is. The histogram includes the 10 ms sampling period itself.
    delayMs = histogram.count > 0 ? Math.max(0, histogram.mean / 1e6 - 10) : 0
    histogram.reset()
  }, SAMPLE_MS)
  timer.unref()
  return { delayMs: () => delayMs, stop: () => { clearInterval(timer); histogram.disable() } }
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
