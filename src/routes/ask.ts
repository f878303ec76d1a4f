// POST /api/ask and its first-version alias POST /api/prompt.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { AskRequestSchema, AskResponseSchema, AskStreamEventSchema, PromptRequestSchema } from '../../schemas/ask.js'
import { ref } from '../../schemas/ref.js'
import { buildProblem, HttpProblem } from '../http/problem.js'
import { problemResponses } from '../http/responses.js'
import { acceptsEventStream, SseStream } from '../http/sse.js'
import { TokenBatcher } from '../http/token-batcher.js'
import { askContext } from '../observability/ask-context.js'
import type { AskInput } from '../services/ask-service.js'
import { askInputOf } from '../services/conversation.js'

const ERRORS = problemResponses(400, 401, 403, 413, 415, 429, 500, 502, 503)

export interface AskRoutesOptions {
  /** Time between `: ping` comments on an event stream (15 s unless a test shortens it). */
  ssePingIntervalMs?: number
}

// Event payloads go through the same schema-compiled serializers as JSON bodies, so nothing outside the contract leaks.
const EVENT_SCHEMAS = {
  start: { $ref: 'StartEvent' },
  round: { $ref: 'RoundEvent' },
  token: { $ref: 'TokenEvent' },
  candidate: { $ref: 'Candidate' },
  answer: { $ref: 'AskResponse' },
  error: { $ref: 'Problem' }
} as const

const STREAM_DESCRIPTION = [
  'Calls the selected providers concurrently, filters and scores their answers, and consolidates them with the chosen strategy.',
  'Partial success is success: the answer is built from whatever came back before the deadline.',
  '\n\nWith `Accept: text/event-stream` the same call answers with server-sent events (see `AskStreamEvent`):',
  '`start`, `token` (partial text while a provider streams), one `candidate` per provider in the order they finish,',
  'then `answer` with the full `AskResponse`, or `error` with a problem when the ask fails after the stream began.',
  'A `: ping` comment is sent every 15 seconds. Invalid input, unknown providers and no configured provider are still',
  'ordinary problem+json responses, sent before any event. Closing the connection cancels the upstream calls.'
].join(' ')

/** An AbortSignal that fires when the client goes away before the answer is sent. */
export function clientGone (reply: FastifyReply): AbortSignal {
  const controller = new AbortController()
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new DOMException('client closed the request', 'AbortError'))
  })
  return controller.signal
}

const askRoutes: FastifyPluginAsyncTypebox<AskRoutesOptions> = async (app, options) => {
  const answer = async (request: FastifyRequest, reply: FastifyReply, input: AskInput) =>
    await app.askService.ask(request.id, input, { signal: clientGone(reply), ...askContext(request, reply) })

  /** The ask as server-sent events; a failure before the first event leaves as an ordinary problem response. */
  const streamAnswer = async (request: FastifyRequest, reply: FastifyReply, input: AskInput): Promise<FastifyReply> => {
    const sse = new SseStream(reply, { pingIntervalMs: options.ssePingIntervalMs })
    const emit = (name: keyof typeof EVENT_SCHEMAS, data: object): void => {
      sse.event(name, reply.serializeInput(data as Record<string, unknown>, EVENT_SCHEMAS[name]))
    }
    const tokens = new TokenBatcher((provider, text) => { emit('token', { provider, text }) })
    // Waiting tokens go first, so a provider's text always comes before its candidate and the answer.
    const send = (name: keyof typeof EVENT_SCHEMAS, data: object): void => {
      tokens.flush()
      emit(name, data)
    }
    try {
      const response = await app.askService.ask(request.id, input, {
        signal: clientGone(reply),
        ...askContext(request, reply),
        stream: true,
        onStart: event => { send('start', event) },
        onRound: event => { send('round', event) },
        onToken: (provider, text) => { tokens.push(provider, text) },
        onCandidate: candidate => { send('candidate', candidate) }
      })
      if (!sse.started) {
        // An answer that needed no provider call (a cached one) still tells the stream's whole story.
        send('start', { id: response.id, providers: response.candidates.map(c => c.provider) })
        for (const candidate of response.candidates) send('candidate', candidate)
      }
      send('answer', response)
    } catch (err) {
      if (!sse.started) throw err
      if (!sse.closed) send('error', streamProblem(request, err))
    } finally {
      tokens.flush()
      sse.end()
    }
    return reply
  }

  const streamProblem = (request: FastifyRequest, err: unknown): object => {
    if (err instanceof HttpProblem) return buildProblem(request, err.init)
    request.log.error({ err }, 'streamed ask failed')
    return buildProblem(request, { status: 500, detail: 'An internal error occurred; it has been logged with this request\'s id.' })
  }

  app.post('/api/ask', {
    schema: {
      tags: ['ask'],
      operationId: 'ask',
      summary: 'Ask every selected provider and get one consolidated answer',
      description: STREAM_DESCRIPTION,
      body: ref(AskRequestSchema),
      response: {
        200: {
          description: 'The consolidated answer, or with `Accept: text/event-stream` the events of the ask.',
          content: {
            'application/json': { schema: ref(AskResponseSchema) },
            'text/event-stream': { schema: ref(AskStreamEventSchema) }
          }
        },
        ...ERRORS
      }
    }
  }, async (request, reply) => {
    const input = askInputOf(request.body, request.headers['accept-language'])
    if (acceptsEventStream(request)) return await streamAnswer(request, reply, input)
    return await answer(request, reply, input)
  })

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
