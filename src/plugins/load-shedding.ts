// Load shedding for the routes that call providers: a bound on concurrent asks (MAX_INFLIGHT_ASKS) and,
// through @fastify/under-pressure, a refusal while the event loop is stalled. Everything else keeps answering,
// so health checks and the page stay up while the process sheds the expensive work.
import fp from 'fastify-plugin'
import underPressure from '@fastify/under-pressure'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ProblemType } from '../http/problem.js'
import { accessError } from './auth.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Asks being answered right now (the gauge metrics export). */
    inflightAsks: () => number
  }
}

/** The routes that fan out to the providers: the only ones worth shedding. */
export const ASK_ROUTES = new Set(['/api/ask', '/api/prompt', '/v1/chat/completions'])

export interface LoadSheddingOptions {
  /** Mean event-loop delay (ms) over a sample beyond which asks are refused. */
  maxEventLoopDelayMs?: number
  /** How often the event loop is sampled (ms). */
  sampleIntervalMs?: number
  /** Retry-After (s) on a shed ask. */
  retryAfterS?: number
}

const counted = new WeakSet<FastifyRequest>()

function isAsk (request: FastifyRequest): boolean {
  return request.method === 'POST' && request.routeOptions.url !== undefined && ASK_ROUTES.has(request.routeOptions.url)
}

async function loadSheddingPlugin (app: FastifyInstance, options: LoadSheddingOptions): Promise<void> {
  const max = app.config.maxInflightAsks
  const retryAfterS = options.retryAfterS ?? 2
  let inflight = 0
  app.decorate('inflightAsks', () => inflight)

  const overloaded = (detail: string): Error => accessError({ status: 503, type: ProblemType.overloaded, title: 'Overloaded', detail, retryAfterS })

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isAsk(request)) return
    if (inflight >= max) {
      request.log.warn({ inflight, max }, 'ask refused: too many in flight')
      throw overloaded(`The server is answering ${max} questions already; retry in ${retryAfterS} s.`)
    }
    inflight++
    counted.add(request)
    // 'close' fires once whether the response finished or the client went away mid-answer.
    reply.raw.once('close', () => {
      if (counted.delete(request)) inflight--
    })
  })

  const sampleIntervalMs = options.sampleIntervalMs ?? 1000
  // The first samples after start measure start-up (the course-notes index is built synchronously), not load.
  let warmUntil = Infinity
  app.addHook('onReady', async () => { warmUntil = Date.now() + 2 * sampleIntervalMs })

  await app.register(underPressure, {
    maxEventLoopDelay: options.maxEventLoopDelayMs ?? 1000,
    sampleInterval: sampleIntervalMs,
    retryAfter: retryAfterS,
    pressureHandler: async (request: FastifyRequest, _reply: FastifyReply, type: string, value: number | undefined) => {
      if (!isAsk(request) || Date.now() < warmUntil) return
      request.log.warn({ type, value }, 'ask refused: the process is under pressure')
      throw overloaded(`The server is saturated; retry in ${retryAfterS} s.`)
    }
  })
}

export default fp(loadSheddingPlugin, { name: 'iscoolgpt-load-shedding' })
