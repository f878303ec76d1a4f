// Turns every SDK's failure (openai, @google/genai, @huggingface/inference, undici) into one ProviderError.
// Messages are built from status, class and the provider's error code only: upstream bodies can echo
// prompts or keys, and pino's error serializer would copy them into logs through `cause`. The code itself
// is upstream text too: it is shown only when it is identifier-like and holds no part of a configured
// secret (an upstream may answer with the key it received as its `code`, `type` or `param`).
// openai's error module alone, not the SDK: every request maps errors, and loading the whole SDK
// (or @google/genai, @huggingface/inference) at start-up would cost the providers nobody configured.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai/core/error'
import { safeIdentifier, scrubFragments } from './secret-scrubber.js'
import { ProviderError, type ErrorClass } from './types.js'

export interface ErrorContext {
  /** The caller's signal: when it has fired, the failure is our deadline (or the client leaving), not the provider's. */
  signal?: AbortSignal
  /** Response headers, when the SDK does not keep them on its error (Retry-After). */
  headers?: Headers
  /** Whether the response had started (headers received) when the failure happened. */
  responded?: boolean
  /** `stream` while reading a streamed answer: a connection lost there is a cut answer. */
  phase?: 'request' | 'stream'
}

interface HttpFailure {
  status?: number
  headers?: Headers
  /** Parsed error body; only inspected, never copied into the message. */
  body?: unknown
  /** The provider's own error code or type (`context_length_exceeded`, `RESOURCE_EXHAUSTED`). */
  code?: string
}

const CONTEXT_LENGTH = /context[_ ]length|maximum context|context window|too many tokens|maximum number of tokens|input token count|prompt is too long|input is too long|reduce the length/i
const CONTENT_FILTER = /content[_ ]?filter|content[_ ]?policy|content management|safety|responsible ?ai|moderation|flagged/i
const BAD_KEY = /api[_ ]key[_ ]invalid|api key not valid|invalid api key|incorrect api key/i

const NETWORK_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH',
  'ENETUNREACH', 'ENETDOWN', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_DESTROYED', 'UND_ERR_ABORTED'
])
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'
])

export function toProviderError (err: unknown, context: ErrorContext = {}): ProviderError {
  if (err instanceof ProviderError) return scrubbed(err)
  const { signal } = context

  // An SDK reports our own abort in many shapes (APIUserAbortError, DOMException, a silently ended stream).
  if (signal?.aborted === true) {
    const reason: unknown = signal.reason
    const deadline = reason instanceof Error && reason.name === 'TimeoutError'
    return new ProviderError('timeout', deadline ? 'deadline exceeded' : 'request aborted', {
      beforeResponse: context.responded !== true
    })
  }

  // Our own failure raised inside an SDK (a body past MAX_ANSWER_CHARS) comes back wrapped.
  const own = causeChain(err).find((e): e is ProviderError => e instanceof ProviderError)
  if (own !== undefined) return scrubbed(own)

  // HF reports a streamed reply that was not an event stream as a provider error carrying the 200 it got.
  if (isHfHttpError(err, 'ProviderApiError') && err.httpResponse.status < 300 && field(err.httpResponse.body, 'error') === undefined) {
    return new ProviderError('invalid_response', 'reply was not an event stream')
  }
  const http = httpFailure(err, context)
  if (http !== undefined) return fromHttpFailure(http)

  if (err instanceof APIUserAbortError || isAbortError(err)) {
    return new ProviderError('timeout', 'request aborted', { beforeResponse: context.responded !== true })
  }
  if (err instanceof APIConnectionTimeoutError) {
    return new ProviderError('timeout', 'no response before the timeout', { beforeResponse: true })
  }
  if (isHfError(err, 'ProviderOutputError') || err instanceof SyntaxError) {
    return new ProviderError('invalid_response', 'malformed response')
  }
  if (isHfError(err, 'InputError') || isHfError(err, 'RoutingError')) {
    return new ProviderError('bad_request', 'request rejected by the client library')
  }

  const network = networkFailure(err, context)
  if (network !== undefined) return network

  if (context.phase === 'stream' && err instanceof Error && /incomplete json segment/i.test(err.message)) {
    return new ProviderError('truncated', 'stream ended inside an event')
  }
  const name = err instanceof Error ? err.name : typeof err
  return new ProviderError('invalid_response', `unexpected failure (${safeCode(name) ?? 'unknown'})`)
}

/** Milliseconds to wait from `retry-after-ms`, `retry-after` seconds or a `retry-after` HTTP-date. */
export function retryAfterFromHeaders (headers: Headers | undefined, now = Date.now()): number | undefined {
  if (headers === undefined) return undefined
  const ms = headers.get('retry-after-ms')
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Math.round(Number(ms))
  const value = headers.get('retry-after')
  if (value === null || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : undefined
  const date = Date.parse(value)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

function httpFailure (err: unknown, context: ErrorContext): HttpFailure | undefined {
  if (err instanceof APIConnectionError) return undefined
  if (err instanceof APIError && !(err instanceof APIUserAbortError)) {
    // A status-less APIError is an `error` event inside an SSE stream.
    return { status: err.status, headers: err.headers ?? context.headers, body: err.error, code: stringOr(err.code) ?? stringOr(err.type) }
  }
  if (isGeminiApiError(err)) {
    // Unary errors carry the JSON body as the message; errors inside a stream prefix it with `got status: ...`.
    const body = parseJson(err.message.slice(Math.max(0, err.message.indexOf('{'))))
    const inner = field(body, 'error')
    return { status: err.status, headers: context.headers, body: body ?? err.message, code: stringOr(field(inner, 'status')) }
  }
  if (isHfHttpError(err, 'ProviderApiError') || isHfHttpError(err, 'HubApiError')) {
    const body = err.httpResponse.body
    const inner = field(body, 'error')
    const code = stringOr(field(inner, 'code')) ?? stringOr(field(inner, 'type')) ?? stringOr(field(body, 'error_type'))
    // A 2xx here is an `error` event inside the stream.
    if (err.httpResponse.status >= 200 && err.httpResponse.status < 300) return { status: undefined, headers: context.headers, body, code }
    return { status: err.httpResponse.status, headers: context.headers, body, code }
  }
  return undefined
}

function fromHttpFailure (failure: HttpFailure): ProviderError {
  const { status, code } = failure
  const text = `${code ?? ''} ${bodyText(failure.body)}`
  const errorClass = classify(status, text)
  const retryAfterMs = retryAfterFromHeaders(failure.headers) ?? retryDelayFromBody(failure.body)
  const shown = safeCode(code)
  const message = `${status ?? 'error event:'} ${errorClass}${shown === undefined ? '' : ` (${shown})`}`
  return new ProviderError(errorClass, message, { status, retryAfterMs, beforeResponse: false })
}

function classify (status: number | undefined, text: string): ErrorClass {
  if (status === undefined) {
    if (CONTEXT_LENGTH.test(text)) return 'context_length'
    if (CONTENT_FILTER.test(text)) return 'content_filtered'
    return 'unavailable'
  }
  if (status === 401 || status === 403) return 'auth'
  if (status === 429) return 'rate_limited'
  if (status === 408 || status === 504) return 'timeout'
  if (status >= 500 || status === 409) return 'unavailable'
  if (status >= 400) {
    // Gemini answers a wrong key with 400 INVALID_ARGUMENT rather than 401.
    if (BAD_KEY.test(text)) return 'auth'
    if (CONTEXT_LENGTH.test(text)) return 'context_length'
    if (CONTENT_FILTER.test(text)) return 'content_filtered'
    return 'bad_request'
  }
  return 'invalid_response'
}

function networkFailure (err: unknown, context: ErrorContext): ProviderError | undefined {
  const codes = causeCodes(err)
  const messages = causeMessages(err)
  const timedOut = codes.some(c => TIMEOUT_CODES.has(c))
  const isNetwork = timedOut || err instanceof APIConnectionError || codes.some(c => NETWORK_CODES.has(c)) ||
    messages.some(m => m === 'fetch failed' || m === 'terminated' || /socket hang up|other side closed/i.test(m))
  if (!isNetwork) return undefined
  // undici says `fetch failed` when no response arrived and `terminated` when the body was cut.
  const responded = context.responded ?? messages.includes('terminated')
  const shown = safeCode(codes.find(c => NETWORK_CODES.has(c) || TIMEOUT_CODES.has(c)))
  if (context.phase === 'stream' && responded) {
    return new ProviderError('truncated', `stream cut${shown === undefined ? '' : ` (${shown})`}`)
  }
  const errorClass: ErrorClass = timedOut ? 'timeout' : 'network'
  const what = responded ? 'connection lost during the response' : 'no response'
  return new ProviderError(errorClass, `${what}${shown === undefined ? '' : ` (${shown})`}`, { beforeResponse: !responded })
}

interface HfHttpError extends Error {
  httpResponse: { status: number, body: unknown }
}

/**
 * @huggingface/inference's classes, recognised by the `name` each constructor sets: the package is
 * only loaded when a Hugging Face provider is configured, so its classes cannot be imported here.
 */
function isHfError (err: unknown, name: 'ProviderOutputError' | 'InputError' | 'RoutingError'): err is Error {
  return err instanceof Error && err.name === name
}

/** The Hugging Face errors that carry the HTTP response they got. */
function isHfHttpError (err: unknown, name: 'ProviderApiError' | 'HubApiError'): err is HfHttpError {
  return err instanceof Error && err.name === name && typeof field(field(err, 'httpResponse'), 'status') === 'number'
}

/** @google/genai's ApiError, recognised like Hugging Face's: by the name its constructor sets and its status. */
function isGeminiApiError (err: unknown): err is Error & { status: number } {
  return err instanceof Error && err.name === 'ApiError' && typeof field(err, 'status') === 'number'
}

function isAbortError (err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError')
}

function causeChain (err: unknown): unknown[] {
  const chain: unknown[] = []
  let current: unknown = err
  while (current !== undefined && current !== null && chain.length < 6 && !chain.includes(current)) {
    chain.push(current)
    current = (current as { cause?: unknown }).cause
  }
  return chain
}

function causeCodes (err: unknown): string[] {
  return causeChain(err).map(e => field(e, 'code')).filter((c): c is string => typeof c === 'string')
}

function causeMessages (err: unknown): string[] {
  return causeChain(err).map(e => (e instanceof Error ? e.message : '')).filter(m => m !== '')
}

/** Gemini puts the back-off in the body: `details[].retryDelay` of a google.rpc.RetryInfo, e.g. "31s". */
function retryDelayFromBody (body: unknown): number | undefined {
  const details = field(field(body, 'error'), 'details')
  if (!Array.isArray(details)) return undefined
  for (const detail of details) {
    const delay = field(detail, 'retryDelay')
    if (typeof delay === 'string') {
      const match = /^(\d+(?:\.\d+)?)s$/.exec(delay.trim())
      if (match !== null) return Math.round(Number(match[1]) * 1000)
    }
  }
  return undefined
}

/** Only short identifier-like codes free of secrets may reach a message; anything else could be upstream prose or a key. */
function safeCode (code: string | undefined): string | undefined {
  return safeIdentifier(code)
}

/** A ProviderError raised elsewhere (an adapter, a stream parser) passes the same scrubber before it is shown. */
function scrubbed (err: ProviderError): ProviderError {
  const message = scrubFragments(err.message)
  if (message === err.message) return err
  return new ProviderError(err.errorClass, message, { status: err.status, retryAfterMs: err.retryAfterMs, beforeResponse: err.beforeResponse })
}

function bodyText (body: unknown): string {
  if (body === undefined || body === null) return ''
  if (typeof body === 'string') return body
  try {
    return JSON.stringify(body)
  } catch {
    return ''
  }
}

function parseJson (text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function field (value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined
}

function stringOr (value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}
