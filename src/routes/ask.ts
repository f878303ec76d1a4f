// POST /api/ask and its first-version alias POST /api/prompt.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { AskRequestSchema, AskResponseSchema, PromptRequestSchema } from '../../schemas/ask.js'
import { ref } from '../../schemas/ref.js'
import { problemResponses } from '../http/responses.js'
import type { AskInput } from '../services/ask-service.js'

const ERRORS = problemResponses(400, 401, 403, 413, 415, 429, 500, 502, 503)

/** An AbortSignal that fires when the client goes away before the answer is sent. */
export function clientGone (reply: FastifyReply): AbortSignal {
  const controller = new AbortController()
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new DOMException('client closed the request', 'AbortError'))
  })
  return controller.signal
}

const askRoutes: FastifyPluginAsyncTypebox = async app => {
  const answer = async (request: FastifyRequest, reply: FastifyReply, input: AskInput) =>
    await app.askService.ask(request.id, input, { signal: clientGone(reply) })

  app.post('/api/ask', {
    schema: {
      tags: ['ask'],
      operationId: 'ask',
      summary: 'Ask every selected provider and get one consolidated answer',
      description: 'Calls the selected providers concurrently, filters and scores their answers, and consolidates them with the chosen strategy. Partial success is success: the answer is built from whatever came back before the deadline.',
      body: ref(AskRequestSchema),
      response: { 200: ref(AskResponseSchema), ...ERRORS }
    }
  }, async (request, reply) => await answer(request, reply, request.body))

  app.post('/api/prompt', {
    schema: {
      tags: ['ask'],
      operationId: 'prompt',
      summary: 'Ask a question (first-version endpoint; same answer as /api/ask)',
      body: ref(PromptRequestSchema),
      response: { 200: ref(AskResponseSchema), ...ERRORS }
    }
  }, async (request, reply) => await answer(request, reply, { question: request.body.question }))
}

export default askRoutes
