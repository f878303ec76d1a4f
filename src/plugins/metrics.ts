// Counts and times every HTTP request by route pattern and status, and makes the service's metrics reachable as app.metrics.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { ServiceMetrics } from '../observability/metrics.js'

declare module 'fastify' {
  interface FastifyInstance {
    metrics: ServiceMetrics
  }
}

export interface MetricsPluginOptions {
  metrics: ServiceMetrics
}

/** Requests that matched no route share one label value, so scanners probing random paths cannot grow the series without bound. */
export const UNMATCHED_ROUTE = 'unmatched'

async function metricsPlugin (app: FastifyInstance, options: MetricsPluginOptions): Promise<void> {
  const { metrics } = options
  app.decorate('metrics', metrics)
  metrics.watchCircuits(() => app.registry.all(), app.circuits)

  app.addHook('onResponse', async (request, reply) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? UNMATCHED_ROUTE, status_code: String(reply.statusCode) }
    metrics.httpRequests.inc(labels)
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000)
  })
}

export default fp(metricsPlugin, { name: 'iscoolgpt-metrics' })
