// The OpenAI-compatible facade: POST /v1/chat/completions and GET /v1/models, errors in OpenAI's shape.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ChatCompletionChunkSchema, ChatCompletionRequestSchema, ChatCompletionSchema, OpenAIErrorSchema, OpenAIModelListSchema, type ChatCompletionChunk, type ChatCompletionRequest } from '../../schemas/openai.js'
import { ref } from '../../schemas/ref.js'
import { isProblem, openAIErrorOf } from '../http/openai-error.js'
import { buildProblem, HttpProblem, PROBLEM_CONTENT_TYPE } from '../http/problem.js'
import { SseStream } from '../http/sse.js'
import { TokenBatcher } from '../http/token-batcher.js'
import { askContext } from '../observability/ask-context.js'
import {
  answerText, ChunkBuilder, listModels, resolveModel, textPieces, toAskInput, toChatCompletion, type ModelTarget
} from '../services/chat-completions.js'
import type { AskInput } from '../services/ask-service.js'
import { clientGone } from './ask.js'

export interface OpenAICompatOptions {
  /** Time between `: ping` comments on a streamed completion (15 s unless a test shortens it). */
  ssePingIntervalMs?: number
}

const JSON_TYPE = 'application/json; charset=utf-8'
const CHUNK = { $ref: 'ChatCompletionChunk' }
const PREFIX = '/v1'
const ROUTES = new Map([[`${PREFIX}/chat/completions`, ['POST']], [`${PREFIX}/models`, ['GET']]])

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input or an unsupported parameter (`n` > 1, tools, functions, images, JSON response formats, log probabilities).',
  401: 'No API key was given.',
  403: 'The API key is not valid.',
  404: 'The model does not exist.',
  413: 'The body is larger than the configured limit.',
  415: 'The content type is not supported (send application/json).',
  429: 'Rate limited: retry after `Retry-After` seconds.',
  500: 'Internal error (details only in the server log).',
  502: 'Every provider failed.',
  503: 'No provider is configured or usable, or the server is saturated.'
}

function openAIErrors (...statuses: number[]): Record<number, unknown> {
  return Object.fromEntries(statuses.map(status => [status, {
    description: ERROR_DESCRIPTIONS[status] ?? 'Error.',
    content: { 'application/json': { schema: ref(OpenAIErrorSchema) } }
  }]))
}

const CHAT_DESCRIPTION = [
  'A drop-in OpenAI chat-completions endpoint: point any OpenAI client\'s base URL at `<server>/v1`.',
  '`model` is `iscoolgpt` (every provider, consolidated with the default strategy), `iscoolgpt/<strategy>`,',
  'or a provider id from `GET /v1/models` (that provider alone, through the same deadlines and circuit breakers).',
  '\n\nThe last message must come from the user and is the question; earlier user and assistant messages are passed on',
  'as the conversation (the most recent 20 turns and 24,000 characters, older ones left out), and system or developer messages as extra instructions.',
  'The answer is a standard `chat.completion` whose `usage` sums every provider called, plus an `iscoolgpt` field',
  '(the answer id to rate it with `POST /api/answers/{answerId}/feedback`, strategy, confidence, chosen provider, candidates).',
  '\n\n`stream: true` answers with `chat.completion.chunk` server-sent events ending with `data: [DONE]`, and a usage chunk',
  'before it with `stream_options.include_usage`. A single provider\'s text streams as it is generated; the ensemble\'s',
  'answer streams once it is consolidated.',
  '\n\nRejected with a 400: `n` other than 1, `tools`, `functions`, a `tool_choice` or `function_call` other than none/auto,',
  'tool messages, image/audio/file content parts, `response_format` other than text, `logprobs: true`, non-text `modalities`.',
  'Accepted and ignored (every provider is called with the service\'s own settings): `temperature`, `top_p`, `max_tokens`,',
  '`max_completion_tokens`, `presence_penalty`, `frequency_penalty`, `seed`, `stop`, `user`, and any field not listed in the schema.',
  'Errors have OpenAI\'s shape `{"error": {"message", "type", "param", "code"}}` with the matching status.'
].join(' ')

/** Problems from any layer (validation, hooks, the ask service) leave this prefix as OpenAI errors. */
function problemToOpenAI (reply: FastifyReply, payload: unknown): unknown {
  const type = reply.getHeader('content-type')
  if (typeof type !== 'string' || !type.startsWith(PROBLEM_CONTENT_TYPE) || typeof payload !== 'string') return payload
  let problem: unknown
  try {
    problem = JSON.parse(payload)
  } catch {
    return payload
  }
  if (!isProblem(problem)) return payload
  reply.type(JSON_TYPE)
  return JSON.stringify(openAIErrorOf(problem))
}

function problemOf (request: FastifyRequest, err: unknown): Parameters<typeof openAIErrorOf>[0] {
  if (err instanceof HttpProblem) return buildProblem(request, err.init)
  request.log.error({ err }, 'streamed completion failed')
  return buildProblem(request, { status: 500, detail: 'An internal error occurred; it has been logged with this request\'s id.' })
}

const openAICompatRoutes: FastifyPluginAsyncTypebox<OpenAICompatOptions> = async (app, options) => {
  const created = Math.floor(Date.now() / 1000)

  const streamCompletion = async (request: FastifyRequest, reply: FastifyReply, body: ChatCompletionRequest, target: ModelTarget, input: AskInput): Promise<FastifyReply> => {
    const sse = new SseStream(reply, { pingIntervalMs: options.ssePingIntervalMs })
    const chunks = new ChunkBuilder(request.id, target.model, Math.floor(Date.now() / 1000), body.stream_options?.include_usage === true)
    const write = (chunk: ChatCompletionChunk): void => { sse.data(reply.serializeInput(chunk, CHUNK)) }
    const tokens = new TokenBatcher((_provider, text) => { write(chunks.delta({ content: text })) })
    const send = (chunk: ChatCompletionChunk): void => {
      tokens.flush()
      write(chunk)
    }
    const opening = (): void => { send(chunks.delta({ role: 'assistant', content: '' })) }
    let streamed = ''
    try {
      const single = target.provider !== undefined
      const response = await app.askService.ask(request.id, input, {
        signal: clientGone(reply),
        ...askContext(request, reply),
        // Only a single provider's text can be relayed live: the ensemble's answer is known once it is consolidated.
        stream: single,
        onStart: opening,
        ...(single ? { onToken: (provider: string, text: string) => { streamed += text; tokens.push(provider, text) } } : {})
      })
      if (!sse.started) opening()
      const text = answerText(response, target)
      const rest = streamed === '' ? text : text.startsWith(streamed) ? text.slice(streamed.length) : ''
      for (const piece of textPieces(rest)) send(chunks.delta({ content: piece }))
      send(chunks.finish(response))
      if (body.stream_options?.include_usage === true) send(chunks.usage(response.usage))
      sse.data('[DONE]')
    } catch (err) {
      if (!sse.started) throw err
      // OpenAI clients raise an APIError for a data event carrying `error`; no [DONE] follows a failure.
      tokens.flush()
      if (!sse.closed) sse.data(JSON.stringify(openAIErrorOf(problemOf(request, err))))
    } finally {
      tokens.flush()
      sse.end()
    }
    return reply
  }

  const v1Routes: FastifyPluginAsyncTypebox = async v1 => {
    v1.addHook('onSend', async (_request, reply, payload) => problemToOpenAI(reply, payload))

    v1.setNotFoundHandler(async (request, reply) => {
      const path = request.url.split('?')[0] ?? request.url
      const allowed = ROUTES.get(path)
      const status = allowed !== undefined && !allowed.includes(request.method) ? 405 : 404
      if (status === 405 && allowed !== undefined) reply.header('allow', allowed.join(', '))
      const message = status === 405 ? `${request.method} is not allowed on ${path}; use ${allowed?.join(', ') ?? ''}.` : `No route for ${request.method} ${path}.`
      return await reply.code(status).type(JSON_TYPE).send({ error: { message, type: status === 404 ? 'not_found_error' : 'invalid_request_error', param: null, code: null } })
    })

    v1.post('/chat/completions', {
      schema: {
        tags: ['openai'],
        operationId: 'createChatCompletion',
        summary: 'OpenAI-compatible chat completion from the ensemble or one provider',
        description: CHAT_DESCRIPTION,
        body: ref(ChatCompletionRequestSchema),
        response: {
          200: {
            description: 'A `chat.completion`, or with `stream: true` a stream of `chat.completion.chunk` events ending with `data: [DONE]`.',
            content: {
              'application/json': { schema: ref(ChatCompletionSchema) },
              'text/event-stream': { schema: ref(ChatCompletionChunkSchema) }
            }
          },
          ...openAIErrors(400, 401, 403, 404, 413, 415, 429, 500, 502, 503)
        }
      }
    }, async (request, reply) => {
      const body = request.body
      const target = resolveModel(body.model, app.registry.all())
      const input = toAskInput(body, target)
      if (body.stream === true) return await streamCompletion(request, reply, body, target, input)
      const response = await app.askService.ask(request.id, input, { signal: clientGone(reply), ...askContext(request, reply) })
      return toChatCompletion(response, target, Math.floor(Date.now() / 1000))
    })

    v1.get('/models', {
      schema: {
        tags: ['openai'],
        operationId: 'listModels',
        summary: 'Models for the OpenAI-compatible API: the ensemble, the ensemble with each strategy, and each provider',
        response: { 200: ref(OpenAIModelListSchema), ...openAIErrors(401, 403, 429, 500) }
      }
    }, async () => ({ object: 'list' as const, data: listModels(app.registry.all(), created) }))
  }
  // Its own prefix gives the facade its own not-found handler, so unknown /v1 paths answer in OpenAI's shape too.
  await app.register(v1Routes, { prefix: PREFIX })
}

export default openAICompatRoutes
