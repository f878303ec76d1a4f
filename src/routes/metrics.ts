// GET /metrics: Prometheus text exposition, behind METRICS_TOKEN when one is set.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createHash, timingSafeEqual } from 'node:crypto'
import { HttpProblem, ProblemType } from '../http/problem.js'
import { problemResponses } from '../http/responses.js'

const TOKEN_ERRORS = problemResponses(401, 403)

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest()

const DESCRIPTION = [
  'Prometheus text exposition (format 0.0.4): HTTP requests and latency by route and status; per provider calls, latency,',
  'errors by class, tokens, cost and circuit state; asks by strategy, confidence, cache hits and misses; process metrics.',
  'When the server has METRICS_TOKEN set, send it as `Authorization: Bearer <token>`; the API keys do not open this route.'
].join(' ')

const metricsRoutes: FastifyPluginAsyncTypebox = async app => {
  const token = app.config.metricsToken
  const expected = token === undefined ? undefined : digest(token)

  app.get('/metrics', {
    schema: {
      tags: ['metrics'],
      operationId: 'getMetrics',
      summary: 'Prometheus metrics',
      description: DESCRIPTION,
      response: {
        200: {
          description: 'The metrics in the Prometheus text format.',
          content: { 'text/plain': { schema: { type: 'string' } } }
        },
        401: { ...TOKEN_ERRORS[401] as object, description: 'METRICS_TOKEN is set and no bearer token was sent.' },
        403: { ...TOKEN_ERRORS[403] as object, description: 'The bearer token is not the METRICS_TOKEN.' }
      }
    },
    // Scrapes are frequent and uninteresting; the metrics themselves count them.
    logLevel: 'warn'
  }, async (request, reply) => {
    if (expected !== undefined) {
      const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.authorization ?? '')
      if (match?.[1] === undefined) {
        reply.header('www-authenticate', 'Bearer realm="metrics"')
        throw new HttpProblem({ status: 401, type: ProblemType.unauthorized, title: 'Unauthorized', detail: 'The metrics need the METRICS_TOKEN as "Authorization: Bearer <token>".' })
      }
      // Equal-length digests, so the comparison takes the same time whatever was sent.
      if (!timingSafeEqual(digest(match[1]), expected)) {
        throw new HttpProblem({ status: 403, type: ProblemType.forbidden, title: 'Forbidden', detail: 'The metrics token is not valid.' })
      }
    }
    const body = await app.metrics.text()
    return await reply.type(app.metrics.contentType).send(body)
  })
}

export default metricsRoutes
