// The body of a request must arrive within REQUEST_BODY_TIMEOUT_MS of its headers: a client trickling a byte
// every few seconds would otherwise hold a connection (and a parser) for as long as it likes. The request
// ends with a 408 problem and its connection is closed. Headers and idle keep-alive connections are bounded
// by the HTTP server itself (see serverTimeouts).
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Config } from '../config.js'

/** Fastify parses a body for these methods only. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

export const BODY_TIMEOUT_CODE = 'ISCOOLGPT_BODY_TIMEOUT'

/** Options for Node's HTTP server (through Fastify), derived from the configuration. */
export function serverTimeouts (config: Config): { http: Record<string, number>, keepAliveTimeout: number, requestTimeout: number } {
  // Node's whole-request limit is a backstop behind the body timer below, which answers with a proper problem.
  const requestTimeout = config.requestHeadersTimeoutMs + config.requestBodyTimeoutMs + 5000
  return {
    http: {
      headersTimeout: config.requestHeadersTimeoutMs,
      requestTimeout,
      keepAliveTimeout: config.keepAliveTimeoutMs,
      // Node checks both limits on this period (30 s by default), which would let a slow client keep twice the limit.
      connectionsCheckingInterval: 1000
    },
    keepAliveTimeout: config.keepAliveTimeoutMs,
    requestTimeout
  }
}

function hasBody (request: FastifyRequest): boolean {
  if (!BODY_METHODS.has(request.method)) return false
  const length = request.headers['content-length']
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}

async function requestTimeoutsPlugin (app: FastifyInstance, options: { bodyTimeoutMs: number }): Promise<void> {
  const timers = new WeakMap<FastifyRequest, NodeJS.Timeout>()
  const clear = (request: FastifyRequest): void => {
    const timer = timers.get(request)
    if (timer === undefined) return
    clearTimeout(timer)
    timers.delete(request)
  }

  app.addHook('onRequest', async (request, reply) => {
    if (!hasBody(request)) return
    const timer = setTimeout(() => {
      timers.delete(request)
      const raw = request.raw
      if (raw.complete || raw.destroyed || reply.sent) return
      // Fastify's body reader listens for errors on the request: it answers through the error handler,
      // which turns this into a 408 problem. Without a listener (still in an earlier hook) the socket is closed.
      const error = Object.assign(new Error(`The request body did not arrive within ${options.bodyTimeoutMs} ms.`), { statusCode: 408, code: BODY_TIMEOUT_CODE })
      reply.header('connection', 'close')
      if (raw.listenerCount('error') > 0) raw.emit('error', error)
      else raw.socket?.destroy()
    }, options.bodyTimeoutMs)
    timers.set(request, timer)
    reply.raw.once('close', () => { clear(request) })
  })
  // The body has been read by the time the request is validated.
  app.addHook('preValidation', async request => { clear(request) })
}

export default fp(requestTimeoutsPlugin, { name: 'iscoolgpt-request-timeouts' })
