// Liveness and readiness probes for the load balancer and the orchestrator.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HealthSchema, ReadySchema } from '../../schemas/health.js'
import { ref } from '../../schemas/ref.js'
import { problemResponses } from '../http/responses.js'
import { ProblemType, sendProblem } from '../http/problem.js'
import { packageVersion } from '../package-info.js'

const healthRoutes: FastifyPluginAsyncTypebox = async app => {
  app.get('/health', {
    schema: {
      tags: ['health'],
      operationId: 'getHealth',
      summary: 'Liveness: the process is up',
      response: { 200: ref(HealthSchema), ...problemResponses(500) }
    }
  }, async () => ({ status: 'ok' as const, version: packageVersion, uptimeS: Math.round(process.uptime() * 10) / 10 }))

  app.get('/ready', {
    schema: {
      tags: ['health'],
      operationId: 'getReady',
      summary: 'Readiness: at least one provider can answer',
      response: { 200: ref(ReadySchema), ...problemResponses(503) }
    }
  }, async (request, reply) => {
    const usable = app.registry.usable()
    if (usable.length === 0) {
      return sendProblem(request, reply, {
        status: 503,
        type: ProblemType.notReady,
        title: 'Not ready',
        detail: 'No provider can answer: set OPENAI_API_KEY, GEMINI_API_KEY, HF_TOKEN or OLLAMA_MODEL, or turn the course notes on (KNOWLEDGE=on).'
      })
    }
    return { status: 'ready' as const, providers: usable.map(p => p.id) }
  })
}

export default healthRoutes
