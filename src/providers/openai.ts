// Adapter for OpenAI and every OpenAI-compatible endpoint (Ollama, vLLM, Groq, OpenRouter) through the openai SDK.
import OpenAI from 'openai'
import type { ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions'
import { bodyByteLimit, boundedFetch, DEFAULT_MAX_ANSWER_CHARS, notAnEventStream } from './answer-limit.js'
import { toProviderError } from './errors.js'
import { ChunkAccumulator, completionFromResponse } from './openai-wire.js'
import { registerSecrets, StreamScrubber } from './secret-scrubber.js'
import { openUpstreamCall } from './upstream-call.js'
import type { Completion, CompletionRequest, Provider, ProviderSpec, StreamCallbacks } from './types.js'

export const OPENAI_BASE_URL = 'https://api.openai.com/v1'
/** The SDK insists on a key; keyless local servers such as Ollama ignore whatever is sent. */
const KEYLESS_PLACEHOLDER = 'no-key'

export class OpenAIProvider implements Provider {
  readonly id: string
  readonly kind: 'openai' | 'openai-compatible'
  readonly model: string
  readonly weight: number
  readonly timeoutMs?: number
  readonly maxAnswerChars: number
  readonly #client: OpenAI

  constructor (spec: ProviderSpec) {
    if (spec.kind !== 'openai' && spec.kind !== 'openai-compatible') {
      throw new Error(`provider "${spec.id}": kind ${spec.kind} is not served by the OpenAI adapter`)
    }
    if (spec.kind === 'openai' && (spec.apiKey === undefined || spec.apiKey === '')) {
      throw new Error(`provider "${spec.id}": an OpenAI API key is required`)
    }
    if (spec.kind === 'openai-compatible' && (spec.baseUrl === undefined || spec.baseUrl === '')) {
      throw new Error(`provider "${spec.id}": an OpenAI-compatible provider needs baseUrl`)
    }
    this.id = spec.id
    this.kind = spec.kind
    this.model = spec.model
    this.weight = spec.weight ?? 1
    this.timeoutMs = spec.timeoutMs
    this.maxAnswerChars = spec.maxAnswerChars ?? DEFAULT_MAX_ANSWER_CHARS
    registerSecrets([spec.apiKey])
    this.#client = new OpenAI({
      apiKey: spec.apiKey !== undefined && spec.apiKey !== '' ? spec.apiKey : KEYLESS_PLACEHOLDER,
      // Explicit values keep the SDK from reading OPENAI_* variables behind the config's back.
      baseURL: spec.baseUrl ?? OPENAI_BASE_URL,
      organization: null,
      project: null,
      // Retries belong to the fan-out layer, which knows the deadline and the other providers.
      maxRetries: 0,
      ...(spec.timeoutMs !== undefined ? { timeout: spec.timeoutMs } : {}),
      // The SDK would print malformed chunks to the console; failures surface as ProviderError instead.
      logLevel: 'off',
      // A whole reply is read only up to what an answer within MAX_ANSWER_CHARS can take.
      fetch: boundedFetch(bodyByteLimit(this.maxAnswerChars))
    })
  }

  async complete (request: CompletionRequest, signal: AbortSignal): Promise<Completion> {
    const call = openUpstreamCall(signal)
    try {
      const response = await this.#client.chat.completions.create(
        { ...this.#body(request), stream: false },
        { signal: call.signal }
      )
      call.finish()
      return completionFromResponse(response, this.model, this.maxAnswerChars)
    } catch (err) {
      throw toProviderError(err, { signal })
    } finally {
      call.close()
    }
  }

  async stream (request: CompletionRequest, signal: AbortSignal, callbacks: StreamCallbacks = {}): Promise<Completion> {
    const call = openUpstreamCall(signal)
    const answer = new ChunkAccumulator(this.maxAnswerChars)
    let responded = false
    try {
      const { data: stream, response } = await this.#client.chat.completions.create(
        { ...this.#body(request), stream: true, stream_options: { include_usage: true } },
        { signal: call.signal }
      ).withResponse()
      responded = true
      // The SDK would read an HTML page sent with 200 as an event stream without events: a cut answer, wrongly.
      const wrongType = notAnEventStream(response.headers)
      if (wrongType !== undefined) throw wrongType
      const scrubber = new StreamScrubber()
      for await (const chunk of stream) {
        callbacks.onChunk?.()
        const text = answer.push(chunk)
        const shown = text === '' ? '' : scrubber.push(text)
        if (shown !== '') callbacks.onToken?.(shown)
        // Leaving the loop closes the stream; call.close() below releases the connection.
        if (answer.full) break
      }
      // The SDK ends the iteration quietly when aborted, which would look like a cut stream.
      if (signal.aborted) throw signal.reason
      if (!answer.full) call.finish()
      return answer.finish(this.model)
    } catch (err) {
      throw toProviderError(err, { signal, responded, phase: 'stream' })
    } finally {
      call.close()
    }
  }

  #body (request: CompletionRequest): ChatCompletionCreateParamsBase {
    const body: ChatCompletionCreateParamsBase = { model: this.model, messages: request.messages }
    if (request.maxTokens !== undefined) {
      // OpenAI's reasoning models reject max_tokens; compatible servers do not all know its successor.
      if (this.kind === 'openai') body.max_completion_tokens = request.maxTokens
      else body.max_tokens = request.maxTokens
    }
    if (request.temperature !== undefined) body.temperature = request.temperature
    return body
  }
}
