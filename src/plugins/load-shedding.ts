// Load shedding for the routes that call providers: at most MAX_INFLIGHT_ASKS asks at once, further ones get a
// 503 with Retry-After before any provider is called. Everything else keeps answering, so health checks and
// the page stay up while the process sheds the expensive work.
//
// The bound is on asks rather than on event-loop delay (@fastify/under-pressure): an ask is mostly waiting on
// providers, so a process can be full of asks with an idle loop, and a busy loop (a burst of cheap requests)
// says nothing about whether one more ask can be afforded.
import fp from 'fastify-plugin'
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

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isAsk(request)) return
    if (inflight >= max) {
      request.log.warn({ inflight, max }, 'ask refused: too many in flight')
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
