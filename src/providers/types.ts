// The one interface every LLM adapter implements, and the error type every adapter throws.

export type ProviderKind = 'openai' | 'openai-compatible' | 'gemini' | 'huggingface' | 'knowledge'

/** What the registry knows about one remote provider; `loadProviders` turns it into an adapter. */
export interface ProviderSpec {
  id: string
  kind: Exclude<ProviderKind, 'knowledge'>
  model: string
  /** OpenAI-style base URL ending in `/v1` (OpenAI, OpenAI-compatible, Hugging Face) or the Gemini host root. */
  baseUrl?: string
  apiKey?: string
  weight?: number
  timeoutMs?: number
  /** Characters of one answer that are read (MAX_ANSWER_CHARS); DEFAULT_MAX_ANSWER_CHARS when unset. */
  maxAnswerChars?: number
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

export interface CompletionRequest {
  messages: ChatMessage[]
  /** Upper bound on generated tokens; adapters pass it through when the API supports it. */
  maxTokens?: number
  temperature?: number
}

export interface Usage {
  promptTokens: number
  completionTokens: number
  /** Reasoning / thought tokens when the provider reports them (already included in completionTokens where the API says so). */
  reasoningTokens?: number
}

/** Normalised finish reasons: `length` means the answer was cut, `content_filter` means it was withheld. */
export type FinishReason = 'stop' | 'length' | 'content_filter' | 'other'

export interface Source {
  title: string
  path: string
  score: number
}

export interface Completion {
  text: string
  finishReason: FinishReason
  usage: Usage | null
  /** The model that actually answered, as the provider reports it. */
  model: string
  /** Notes the answer was drawn from (knowledge provider only). */
  sources?: Source[]
  /** The course notes do not cover the question: the text says so and carries no answer (knowledge provider only). */
  lowCoverage?: boolean
  /**
   * The provider's own estimate (0..1) that the text answers the question, for a provider that can
   * tell (the knowledge provider: how well the notes' passage matches; low when they do not cover it).
   */
  confidence?: number
  /** Set when the answer was cut at MAX_ANSWER_CHARS (this many characters) and the rest was not read. */
  cutAt?: number
}

export interface StreamCallbacks {
  /** Called with each partial piece of text as it arrives. */
  onToken?: (text: string) => void
  /** Called for every event of the stream, text or not (a reasoning model is alive long before its first word). */
  onChunk?: () => void
}

export interface Provider {
  readonly id: string
  readonly kind: ProviderKind
  readonly model: string
  /** Relative trust in this provider's answers (aggregation prior); 1 by default. */
  readonly weight: number
  /** Per-provider timeout override in milliseconds. */
  readonly timeoutMs?: number
  /** One attempt, no retries: retries belong to the fan-out layer. Throws ProviderError. */
  complete(request: CompletionRequest, signal: AbortSignal): Promise<Completion>
  /** Same as complete, reading the answer as a stream. Throws ProviderError. */
  stream?(request: CompletionRequest, signal: AbortSignal, callbacks: StreamCallbacks): Promise<Completion>
}

export const ERROR_CLASSES = [
  'timeout',
  'rate_limited',
  'unavailable',
  'bad_request',
  'auth',
  'content_filtered',
  'context_length',
  'network',
  'invalid_response',
  'truncated'
] as const
export type ErrorClass = (typeof ERROR_CLASSES)[number]

/** Classes worth another attempt: the same request may succeed later. */
const RETRYABLE: ReadonlySet<ErrorClass> = new Set(['timeout', 'rate_limited', 'unavailable', 'network'])

export class ProviderError extends Error {
  readonly errorClass: ErrorClass
  readonly status?: number
  readonly retryAfterMs?: number
  /** True when the failure happened before any response byte arrived (safe to retry a network error). */
  readonly beforeResponse: boolean

  constructor (
    errorClass: ErrorClass,
    message: string,
    options: { status?: number, retryAfterMs?: number, beforeResponse?: boolean, cause?: unknown } = {}
  ) {
    super(message, { cause: options.cause })
    this.name = 'ProviderError'
    this.errorClass = errorClass
    this.status = options.status
    this.retryAfterMs = options.retryAfterMs
    this.beforeResponse = options.beforeResponse ?? false
  }

  get retryable (): boolean {
    return RETRYABLE.has(this.errorClass)
  }
}
