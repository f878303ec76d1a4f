// Orderly shutdown, as the requests see it: once closing has begun, every new request (on a kept-alive
// connection, or one accepted while the listener drains) gets a 503 problem with Retry-After and the
// connection is closed after it; requests already being answered finish normally.
import fp from 'fastify-plugin'
import type { IncomingMessage } from 'node:http'
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

/** How long a closing server waits for the rest of a request's body before answering anyway. */
const BODY_WAIT_MS = 1000

/** Reads the rest of the request's body and drops it; resolves when it has ended, failed, or after `limitMs`. */
async function discardBody (raw: IncomingMessage, limitMs: number): Promise<void> {
  if (raw.complete || raw.destroyed) return
  await new Promise<void>(resolve => {
    const done = (): void => {
      clearTimeout(timer)
      raw.off('end', done)
      raw.off('close', done)
      raw.off('error', done)
      resolve()
    }
    const timer = setTimeout(done, limitMs)
    raw.on('end', done)
    raw.on('close', done)
    raw.on('error', done)
    raw.resume()
  })
}

async function closingPlugin (app: FastifyInstance): Promise<void> {
  let closing = false
  app.decorate('beginClosing', () => { closing = true })
  app.decorate('closing', { getter: () => closing })
  app.addHook('preClose', async () => { closing = true })

  app.addHook('onRequest', async (request, reply) => {
    if (!closing) return
    // The body the client is still sending is read (and dropped) first: a connection closed with bytes
    // unread is reset, and the client can lose the 503 it had already been sent with it.
    await discardBody(request.raw, BODY_WAIT_MS)
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
