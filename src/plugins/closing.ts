// Orderly shutdown, as the requests see it: once closing has begun, every new request (on a kept-alive
// connection, or one accepted while the listener drains) gets a 503 problem with Retry-After and the
// connection is closed after it; requests already being answered finish normally.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { ProblemType, sendProblem } from '../http/problem.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Starts closing: new requests get a 503 from now on; `close()` starts it too. */
    beginClosing: () => void
    readonly closing: boolean
  }
}

/** Another instance (or this one, restarted) can answer at once: the load balancer retries elsewhere. */
export const CLOSING_RETRY_AFTER_S = 1

async function closingPlugin (app: FastifyInstance): Promise<void> {
  let closing = false
  app.decorate('beginClosing', () => { closing = true })
  app.decorate('closing', { getter: () => closing })
  app.addHook('preClose', async () => { closing = true })

  app.addHook('onRequest', async (request, reply) => {
    if (!closing) return
    reply.header('connection', 'close')
    return sendProblem(request, reply, {
      status: 503,
      type: ProblemType.closing,
      title: 'Shutting down',
      detail: `This instance is shutting down; retry in ${CLOSING_RETRY_AFTER_S} s.`,
      retryAfterS: CLOSING_RETRY_AFTER_S
    })
  })

  // A connection whose request finishes during shutdown is closed after it rather than kept for the next one.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing && !reply.raw.headersSent) reply.header('connection', 'close')
    return payload
  })
}

export default fp(closingPlugin, { name: 'iscoolgpt-closing' })
