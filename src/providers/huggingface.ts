// Adapter for Hugging Face Inference Providers (the OpenAI-compatible router) through @huggingface/inference.
import { InferenceClient } from '@huggingface/inference'
import { DEFAULT_MAX_ANSWER_CHARS } from './answer-limit.js'
import { toProviderError } from './errors.js'
import { ChunkAccumulator, completionFromResponse } from './openai-wire.js'
import { registerSecrets, StreamScrubber } from './secret-scrubber.js'
import { openUpstreamCall } from './upstream-call.js'
import type { Completion, CompletionRequest, Provider, ProviderSpec, StreamCallbacks } from './types.js'

/** The router speaks the OpenAI protocol; the SDK appends `/chat/completions` to a URL ending in `/v1`. */
export const HF_BASE_URL = 'https://router.huggingface.co/v1'
export const HF_DEFAULT_MODEL = 'openai/gpt-oss-20b'

export class HuggingFaceProvider implements Provider {
  readonly id: string
  readonly kind = 'huggingface' as const
  readonly model: string
  readonly weight: number
  readonly timeoutMs?: number
  readonly maxAnswerChars: number
  readonly #client: InferenceClient

  constructor (spec: ProviderSpec) {
    if (spec.apiKey === undefined || spec.apiKey === '') {
      throw new Error(`provider "${spec.id}": a Hugging Face token is required`)
    }
    this.id = spec.id
    this.model = spec.model !== '' ? spec.model : HF_DEFAULT_MODEL
    this.weight = spec.weight ?? 1
    this.timeoutMs = spec.timeoutMs
    this.maxAnswerChars = spec.maxAnswerChars ?? DEFAULT_MAX_ANSWER_CHARS
    registerSecrets([spec.apiKey])
    // Always through endpointUrl: without it the SDK picks its auto-router, which refuses non-`hf_` keys,
    // and would first ask the Hub which provider serves the model.
    this.#client = new InferenceClient(spec.apiKey, {
      endpointUrl: spec.baseUrl ?? HF_BASE_URL,
      // Otherwise a 503 is retried at once and without end.
      retry_on_error: false
    })
  }

  async complete (request: CompletionRequest, signal: AbortSignal): Promise<Completion> {
    const call = openUpstreamCall(signal, { maxAnswerChars: this.maxAnswerChars })
    try {
      const response = await this.#client.chatCompletion(this.#body(request), {
        signal: call.signal,
        fetch: call.fetch,
        retry_on_error: false
      })
      call.finish()
      return completionFromResponse(response, this.model, this.maxAnswerChars)
    } catch (err) {
      throw toProviderError(err, { signal, headers: call.headers, responded: call.responded })
    } finally {
      call.close()
    }
  }

  async stream (request: CompletionRequest, signal: AbortSignal, callbacks: StreamCallbacks = {}): Promise<Completion> {
    const call = openUpstreamCall(signal, { maxAnswerChars: this.maxAnswerChars })
    const answer = new ChunkAccumulator(this.maxAnswerChars)
    try {
      const stream = this.#client.chatCompletionStream(
        { ...this.#body(request), stream_options: { include_usage: true } },
        { signal: call.signal, fetch: call.fetch, retry_on_error: false }
      )
      const scrubber = new StreamScrubber()
      for await (const chunk of stream) {
        callbacks.onChunk?.()
        const text = answer.push(chunk)
        const shown = text === '' ? '' : scrubber.push(text)
        if (shown !== '') callbacks.onToken?.(shown)
        if (answer.full) break
      }
      // No call.finish(): the SDK stops reading at `[DONE]`, before the end of the body, so the socket is only freed by closing the call.
      return answer.finish(this.model)
    } catch (err) {
      throw toProviderError(err, { signal, headers: call.headers, responded: call.responded, phase: 'stream' })
    } finally {
      // The SDK leaves the body open when it stops on a bad chunk; closing the call frees the socket.
      call.close()
    }
  }

  #body (request: CompletionRequest): { model: string, messages: Array<{ role: string, content: string }>, max_tokens?: number, temperature?: number } {
    return {
      model: this.model,
      messages: request.messages.map(({ role, content }) => ({ role, content })),
      ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {})
    }
  }
}
