// GET /api/providers: what is configured and how it has been behaving.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ProviderListSchema } from '../../schemas/providers.js'
import { ref } from '../../schemas/ref.js'
import { problemResponses } from '../http/responses.js'

const providerRoutes: FastifyPluginAsyncTypebox = async app => {
  app.get('/api/providers', {
    schema: {
      tags: ['providers'],
      operationId: 'listProviders',
      summary: 'Configured providers with their circuit state, recent latency and error rate',
      response: { 200: ref(ProviderListSchema), ...problemResponses(401, 403, 429, 500) }
    }
  }, async () => ({
    providers: app.registry.all().map(p => ({
      id: p.id,
      kind: p.kind,
      model: p.model,
      enabled: true,
      weight: p.weight,
      circuit: app.circuits.state(p.id),
      ...app.providerStats.snapshot(p.id),
      ...app.trust.view(p.id)
    }))
  }))
}

export default providerRoutes
