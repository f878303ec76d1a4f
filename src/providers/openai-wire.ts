// Reading the OpenAI chat-completions wire format, shared by the OpenAI and Hugging Face adapters.
import { ProviderError, type Completion, type FinishReason, type Usage } from './types.js'

/** The fields both SDKs' chat completion types share; each SDK's own type is assignable to these. */
interface WireUsage {
  prompt_tokens?: number | null
  completion_tokens?: number | null
  completion_tokens_details?: { reasoning_tokens?: number | null } | null
}

interface WireResponse {
  model?: string | null
  choices?: Array<{ message?: { content?: string | null, refusal?: string | null } | null, finish_reason?: string | null }> | null
  usage?: WireUsage | null
}

interface WireChunk {
  model?: string | null
  choices?: Array<{ delta?: { content?: string | null } | null, finish_reason?: string | null }> | null
  usage?: WireUsage | null
}

export function mapFinishReason (reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'stop':
    case 'eos':
    case 'eos_token':
    case 'stop_sequence':
      return 'stop'
    case 'length':
      return 'length'
    case 'content_filter':
      return 'content_filter'
    default:
      return 'other'
  }
}

export function mapUsage (usage: WireUsage | null | undefined): Usage | null {
  if (usage === null || usage === undefined) return null
  const mapped: Usage = {
    promptTokens: usage.prompt_tokens ?? 0,
    completionTokens: usage.completion_tokens ?? 0
  }
  const reasoning = usage.completion_tokens_details?.reasoning_tokens
  if (typeof reasoning === 'number') mapped.reasoningTokens = reasoning
  return mapped
}

export function completionFromResponse (response: WireResponse, fallbackModel: string): Completion {
  const choice = response.choices?.[0]
  if (choice === undefined || choice === null || typeof choice !== 'object') {
    throw new ProviderError('invalid_response', 'response without choices')
  }
  const message = choice.message ?? {}
  // A model that declines through the `refusal` field leaves `content` null; its refusal is still its answer.
  const text = message.content ?? message.refusal ?? ''
  return {
    text,
    finishReason: mapFinishReason(choice.finish_reason),
    usage: mapUsage(response.usage),
    model: response.model ?? fallbackModel
  }
}

/** Collects a streamed answer chunk by chunk; `finish()` refuses an answer whose stream never said it was done. */
export class ChunkAccumulator {
  #text = ''
  #finish: string | undefined
  #usage: WireUsage | undefined
  #model: string | undefined

  /** Takes one parsed chunk and returns the new text it carried ('' when none). */
  push (chunk: WireChunk): string {
    if (typeof chunk !== 'object' || chunk === null) {
      throw new ProviderError('invalid_response', 'malformed stream chunk')
    }
    if (typeof chunk.model === 'string' && chunk.model !== '') this.#model = chunk.model
    if (chunk.usage !== null && chunk.usage !== undefined) this.#usage = chunk.usage
    const choice = chunk.choices?.[0]
    if (choice === undefined || choice === null) return ''
    if (typeof choice.finish_reason === 'string' && choice.finish_reason !== '') this.#finish = choice.finish_reason
    const delta = choice.delta?.content
    if (typeof delta !== 'string' || delta === '') return ''
    this.#text += delta
    return delta
  }

  finish (fallbackModel: string): Completion {
    if (this.#finish === undefined) {
      throw new ProviderError('truncated', 'stream ended before a finish reason')
    }
    return {
      text: this.#text,
      finishReason: mapFinishReason(this.#finish),
      usage: mapUsage(this.#usage),
      model: this.#model ?? fallbackModel
    }
  }
}
