// POST /api/answers/:id/feedback: a person rates an answer (or one provider's answer in it).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { FeedbackParamsSchema, FeedbackRequestSchema, FeedbackResponseSchema } from '../../schemas/feedback.js'
import { ref } from '../../schemas/ref.js'
import { HttpProblem, ProblemType } from '../http/problem.js'
import { problemResponses } from '../http/responses.js'

const feedbackRoutes: FastifyPluginAsyncTypebox = async app => {
  app.post('/api/answers/:id/feedback', {
    schema: {
      tags: ['feedback'],
      operationId: 'rateAnswer',
      summary: 'Rate an answer, or one provider\'s answer in it',
      description: 'Ratings teach the service which provider to trust; a rating counts for more than the agreement it learns from on its own. Answers can be rated for 24 hours.',
      params: ref(FeedbackParamsSchema),
      body: ref(FeedbackRequestSchema),
      response: { 200: ref(FeedbackResponseSchema), ...problemResponses(400, 401, 403, 404, 413, 415, 429, 500, 503) }
    }
  }, async request => {
    const { id } = request.params
    const { rating, provider, comment } = request.body
    const answer = await app.trust.answer(id)
    if (answer === undefined) {
      throw new HttpProblem({ status: 404, type: ProblemType.unknownAnswer, title: 'Unknown answer', detail: `No answer with id "${id}" can be rated: the id is unknown or older than 24 hours.` })
    }
    const target = provider ?? answer.chosen
    if (target === null || !answer.providers.includes(target)) {
      throw new HttpProblem({
        status: 400,
        type: ProblemType.validation,
        title: 'Invalid request',
        detail: target === null ? 'This answer has no chosen provider: name the provider you rate.' : `"${target}" gave no answer to this question; it answered: ${answer.providers.join(', ')}.`,
        errors: [{ field: 'body/provider', message: target === null ? 'is required for this answer' : `must be one of ${answer.providers.join(', ')}` }]
      })
    }
    try {
      await app.trust.rate(target, rating, answer.kind)
    } catch (err) {
      // The store (Redis) is unreachable: nothing was recorded, so the client is told to try again.
      request.log.warn({ answerId: id, provider: target, err: (err as Error).message }, 'rating not stored')
      throw new HttpProblem({ status: 503, type: ProblemType.overloaded, title: 'Rating not stored', detail: 'The rating could not be stored right now; nothing was recorded. Try again shortly.', retryAfterS: 5 })
    }
    request.log.info({ answerId: id, provider: target, rating, ...(comment !== undefined ? { comment } : {}) }, 'feedback')
    return { answerId: id, provider: target, rating, reliability: app.trust.view(target).reliability }
  })
}

export default feedbackRoutes
