// GET /api/knowledge: search the course notes directly.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { KnowledgeQuerySchema, KnowledgeResultSchema } from '../../schemas/knowledge.js'
import { ref } from '../../schemas/ref.js'
import { HttpProblem } from '../http/problem.js'
import { problemResponses } from '../http/responses.js'

const knowledgeRoutes: FastifyPluginAsyncTypebox = async app => {
  app.get('/api/knowledge', {
    schema: {
      tags: ['knowledge'],
      operationId: 'searchKnowledge',
      summary: 'Search the course notes',
      description: 'Full-text (BM25) search over the bundled course notes, accent- and stem-insensitive, in Portuguese and English. 404 when the notes are turned off (KNOWLEDGE=off).',
      querystring: ref(KnowledgeQuerySchema),
      response: { 200: ref(KnowledgeResultSchema), ...problemResponses(400, 401, 403, 404, 429, 500) }
    }
  }, async request => {
    const base = app.knowledge
    if (base === null) throw new HttpProblem({ status: 404, detail: 'The course notes are turned off on this server (KNOWLEDGE=off).' })
    const { query, lang, limit } = request.query
    const hits = base.search(query, { lang, limit: limit ?? 5 })
    return {
      query,
      notes: base.stats.notes,
      hits: hits.map(h => ({ title: h.title, path: h.path, topic: h.topic, lang: h.lang, heading: h.heading, text: h.text, score: Math.round(h.score * 1000) / 1000 }))
    }
  })
}

export default knowledgeRoutes
