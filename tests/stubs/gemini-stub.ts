// A local Gemini API (POST /v1beta/models/{model}:generateContent and :streamGenerateContent?alt=sse) for tests.
import { faultPresets, startStubServer, type ResolvedAnswer, type StubServer, type WireProtocol } from './stub-server.js'

export type { Behaviour, RecordedRequest, StubServer } from './stub-server.js'

const GRPC_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED'
}

export function geminiErrorBody (status: number, message: string, details?: unknown[]): unknown {
  return { error: { code: status, message, status: GRPC_STATUS[status] ?? 'UNKNOWN', ...(details !== undefined ? { details } : {}) } }
}

const ROUTE = /^\/(v1beta|v1|v1alpha)\/models\/([^/:]+):(generateContent|streamGenerateContent)$/

function usageMetadata (answer: ResolvedAnswer, final: boolean): Record<string, number> | undefined {
  if (answer.usage === null) return undefined
  const { promptTokens, completionTokens, reasoningTokens } = answer.usage
  const candidates = final ? completionTokens : 0
  return {
    promptTokenCount: promptTokens,
    ...(final ? { candidatesTokenCount: candidates } : {}),
    ...(reasoningTokens !== undefined ? { thoughtsTokenCount: reasoningTokens } : {}),
    totalTokenCount: promptTokens + candidates + (reasoningTokens ?? 0)
  }
}

function blocked (answer: ResolvedAnswer): unknown {
  return {
    promptFeedback: {
      blockReason: answer.blockReason,
      safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }]
    },
    usageMetadata: usageMetadata(answer, false),
    modelVersion: answer.model,
    responseId: answer.id
  }
}

function candidate (answer: ResolvedAnswer, text: string, finishReason: string | null): Record<string, unknown> {
  return {
    ...(text !== '' ? { content: { parts: [{ text }], role: 'model' } } : {}),
    ...(finishReason !== null ? { finishReason } : {}),
    ...(finishReason === 'SAFETY' ? { safetyRatings: [{ category: 'HARM_CATEGORY_HARASSMENT', probability: 'HIGH', blocked: true }] } : {}),
    index: 0
  }
}

const protocol: WireProtocol = {
  basePath: '',
  defaultModel: 'gemini-2.5-flash',
  defaultFinishReason: 'STOP',
  // Google separates stream events with CRLF pairs.
  eventSeparator: '\r\n\r\n',
  errorBody: (status, message) => geminiErrorBody(status, message),
  route (method, url) {
    const match = ROUTE.exec(url.pathname)
    if (method !== 'POST' || match === null) return undefined
    const stream = match[3] === 'streamGenerateContent'
    if (stream && url.searchParams.get('alt') !== 'sse') return undefined
    return { model: decodeURIComponent(match[2]), stream, includeUsage: true }
  },
  json (answer) {
    if (answer.blockReason !== undefined) return blocked(answer)
    return {
      candidates: [candidate(answer, answer.text, answer.finishReason)],
      usageMetadata: usageMetadata(answer, true),
      modelVersion: answer.model,
      responseId: answer.id
    }
  },
  events (answer) {
    if (answer.blockReason !== undefined) return [blocked(answer)]
    const pieces = answer.tokens.length > 0 ? answer.tokens : ['']
    return pieces.map((token, i) => {
      const last = i === pieces.length - 1
      return {
        candidates: [candidate(answer, token, last ? answer.finishReason : null)],
        usageMetadata: usageMetadata(answer, last),
        modelVersion: answer.model,
        responseId: answer.id
      }
    })
  },
  presets: {
    ...faultPresets({
      rateLimited: {
        type: 'error',
        status: 429,
        body: geminiErrorBody(429, 'You exceeded your current quota, please check your plan and billing details.', [
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '31s' }
        ])
      },
      rateLimitedMs: { type: 'error', status: 429, body: geminiErrorBody(429, 'Resource has been exhausted (e.g. check quota).'), headers: { 'retry-after-ms': '1500' } },
      serverError: { type: 'error', status: 500, body: geminiErrorBody(500, 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting') },
      unavailable: { type: 'error', status: 503, body: geminiErrorBody(503, 'The model is overloaded. Please try again later.') },
      contextLength: { type: 'error', status: 400, body: geminiErrorBody(400, 'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).') },
      // Gemini does not refuse with a status: it answers 200 with the prompt blocked.
      contentFilter: { blockReason: 'SAFETY' }
    }),
    blocked: { behaviour: { blockReason: 'SAFETY' } },
    safety: { behaviour: { finishReason: 'SAFETY' } }
  }
}

export async function startGeminiStub (): Promise<StubServer> {
  return await startStubServer(protocol)
}
