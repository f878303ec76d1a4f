// What an ask route passes on from its request: cache directives, the API client, its logger, and where Server-Timing goes.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AnswerHooks } from '../cache/cached-ask-service.js'
import { markSummarized } from './request-log.js'
import { serverTiming } from './server-timing.js'

/** `Cache-Control: no-cache` (or `max-age=0`, or HTTP/1.0's `Pragma: no-cache`) asks for a fresh answer; `no-store` also keeps it out of the cache. */
export function cacheDirectives (request: FastifyRequest): { noCache: boolean, noStore: boolean } {
  const header = request.headers['cache-control']
  const directives = (Array.isArray(header) ? header.join(',') : header ?? '').toLowerCase().split(',').map(d => d.trim())
  const pragma = request.headers.pragma
  const noStore = directives.includes('no-store')
  const noCache = noStore || directives.includes('no-cache') || directives.includes('max-age=0') ||
    (typeof pragma === 'string' && pragma.toLowerCase().includes('no-cache'))
  return { noCache, noStore }
}

export function askContext (request: FastifyRequest, reply: FastifyReply): Omit<AnswerHooks, 'signal'> {
  return {
    cacheControl: cacheDirectives(request),
    client: request.client ?? null,
    // The ask's summary line is the request's access line: it carries the method, path and client address too,
    // through the request logger's own `req` serializer (a child logger per ask would cost more, and the line
    // is often below the level that gets written).
    log: request.log,
    logFields: { req: request },
    onTimings: timings => {
      markSummarized(request)
      // A stream that has begun has sent its headers already.
      if (!reply.raw.headersSent) reply.header('server-timing', serverTiming(timings))
    }
  }
}
