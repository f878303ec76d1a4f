// A local OpenAI chat-completions server (POST /v1/chat/completions, JSON and SSE) for tests and benchmarks.
import { faultPresets, startStubServer, type ResolvedAnswer, type Rule, type StubServer, type StubUsage, type WireProtocol } from './stub-server.js'

export type { Behaviour, RecordedRequest, StubServer } from './stub-server.js'

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  403: 'permission_denied',
  404: 'invalid_request_error',
  429: 'rate_limit_exceeded',
  500: 'server_error',
  503: 'server_error'
}

export function openAIErrorBody (status: number, message: string, code: string | null = null): unknown {
  return { error: { message, type: ERROR_TYPES[status] ?? 'api_error', param: null, code } }
}

function wireUsage (usage: StubUsage): Record<string, unknown> {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
    ...(usage.reasoningTokens !== undefined ? { completion_tokens_details: { reasoning_tokens: usage.reasoningTokens } } : {})
  }
}

export interface OpenAIProtocolOptions {
  defaultModel?: string
  errorBody?: (status: number, message: string) => unknown
  presets?: Record<string, Rule>
}

/** The chat-completions protocol; the Hugging Face router speaks it too, with its own error bodies. */
export function openAIProtocol (options: OpenAIProtocolOptions = {}): WireProtocol {
  const errorBody = options.errorBody ?? ((status: number, message: string) => openAIErrorBody(status, message))
  const chunk = (answer: ResolvedAnswer, delta: Record<string, unknown>, finishReason: string | null): unknown => ({
    id: `chatcmpl-${answer.id}`,
    object: 'chat.completion.chunk',
    created: answer.created,
    model: answer.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(answer.includeUsage ? { usage: null } : {})
  })
  return {
    basePath: '/v1',
    defaultModel: options.defaultModel ?? 'gpt-4o-mini',
    defaultFinishReason: 'stop',
    eventSeparator: '\n\n',
    terminator: '[DONE]',
    errorBody,
    route (method, url, body) {
      if (method !== 'POST' || url.pathname !== '/v1/chat/completions') return undefined
      const request = (typeof body === 'object' && body !== null ? body : {}) as {
        model?: unknown
        stream?: unknown
        stream_options?: { include_usage?: unknown }
      }
      return {
        model: typeof request.model === 'string' ? request.model : options.defaultModel ?? 'gpt-4o-mini',
        stream: request.stream === true,
        includeUsage: request.stream_options?.include_usage === true
      }
    },
    json (answer) {
      return {
        id: `chatcmpl-${answer.id}`,
        object: 'chat.completion',
        created: answer.created,
        model: answer.model,
        choices: [{
          index: 0,
          message: { role: 'assistant', content: answer.text, refusal: null },
          logprobs: null,
          finish_reason: answer.finishReason
        }],
        ...(answer.usage !== null ? { usage: wireUsage(answer.usage) } : {})
      }
    },
    events (answer) {
      const events = [chunk(answer, { role: 'assistant', content: '' }, null)]
      for (const token of answer.tokens) events.push(chunk(answer, { content: token }, null))
      if (answer.finishReason !== null) events.push(chunk(answer, {}, answer.finishReason))
      if (answer.includeUsage && answer.usage !== null) {
        events.push({
          id: `chatcmpl-${answer.id}`,
          object: 'chat.completion.chunk',
          created: answer.created,
          model: answer.model,
          choices: [],
          usage: wireUsage(answer.usage)
        })
      }
      return events
    },
    presets: options.presets ?? faultPresets({
      rateLimited: { type: 'error', status: 429, body: openAIErrorBody(429, 'Rate limit reached for requests', 'rate_limit_exceeded'), headers: { 'retry-after': '2' } },
      rateLimitedMs: { type: 'error', status: 429, body: openAIErrorBody(429, 'Rate limit reached for tokens', 'rate_limit_exceeded'), headers: { 'retry-after-ms': '1500' } },
      serverError: { type: 'error', status: 500, body: openAIErrorBody(500, 'The server had an error while processing your request.') },
      unavailable: { type: 'error', status: 503, body: openAIErrorBody(503, 'The engine is currently overloaded, please try again later.') },
      contextLength: {
        type: 'error',
        status: 400,
        body: openAIErrorBody(400, "This model's maximum context length is 128000 tokens. However, your messages resulted in 130321 tokens. Please reduce the length of the messages.", 'context_length_exceeded')
      },
      contentFilter: {
        type: 'error',
        status: 400,
        body: openAIErrorBody(400, "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.", 'content_filter')
      }
    })
  }
}

export async function startOpenAIStub (): Promise<StubServer> {
  return await startStubServer(openAIProtocol())
}
