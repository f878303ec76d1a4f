// Reading the OpenAI chat-completions wire format, shared by the OpenAI and Hugging Face adapters.
import { separateReasoning } from '../aggregator/reasoning.js'
import { BoundedText, limitCompletion } from './answer-limit.js'
import { ReasoningFilter } from './reasoning-filter.js'
import { safeIdentifier, scrubSecrets } from './secret-scrubber.js'
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

/** The model a reply names, when it is a plain identifier free of secrets; otherwise the configured one. */
export function replyModel (model: unknown, fallbackModel: string): string {
  return safeIdentifier(model) ?? fallbackModel
}

export function completionFromResponse (response: WireResponse, fallbackModel: string, maxChars: number): Completion {
  if (typeof response !== 'object' || response === null) {
    // The SDKs hand over a non-JSON body (an HTML error page sent with 200) as a string.
    throw new ProviderError('invalid_response', 'reply was not JSON')
  }
  const choice = response.choices?.[0]
  if (choice === undefined || choice === null || typeof choice !== 'object') {
    throw new ProviderError('invalid_response', 'response without choices')
  }
  const message = choice.message ?? {}
  // A model that declines through the `refusal` field leaves `content` null; its refusal is still its answer.
  const text = message.content ?? message.refusal ?? ''
  if (typeof text !== 'string') throw new ProviderError('invalid_response', 'message content is not text')
  return limitCompletion({
    // A reasoning model's thinking written into the content is not its answer (src/aggregator/reasoning.ts).
    text: scrubSecrets(separateReasoning(text).answer),
    finishReason: mapFinishReason(choice.finish_reason),
    usage: mapUsage(response.usage),
    model: replyModel(response.model, fallbackModel)
  }, maxChars)
}

/**
 * Collects a streamed answer chunk by chunk, up to the answer limit (`full` says when to stop reading);
 * `finish()` refuses an answer whose stream never said it was done. Thinking the reply opens with is set
 * aside as it streams (ReasoningFilter); a closing tag alone, seen only once it comes, is dealt with at the end.
 */
export class ChunkAccumulator {
  readonly #text: BoundedText
  readonly #reasoning = new ReasoningFilter()
  #finish: string | undefined
  #choices = false
  #usage: WireUsage | undefined
  #model: string | undefined

  constructor (maxChars: number) {
    this.#text = new BoundedText(maxChars)
  }

  /** The answer reached MAX_ANSWER_CHARS: the caller stops reading and finishes. */
  get full (): boolean {
    return this.#text.full
  }

  /** Takes one parsed chunk and returns the new text it carried ('' when none). */
  push (chunk: WireChunk): string {
    if (typeof chunk !== 'object' || chunk === null) {
      throw new ProviderError('invalid_response', 'malformed stream chunk')
    }
    if (typeof chunk.model === 'string' && chunk.model !== '') this.#model = chunk.model
    if (chunk.usage !== null && chunk.usage !== undefined) this.#usage = chunk.usage
    const choice = chunk.choices?.[0]
    if (choice === undefined || choice === null) return ''
    this.#choices = true
    if (typeof choice.finish_reason === 'string' && choice.finish_reason !== '') this.#finish = choice.finish_reason
    const delta = choice.delta?.content
    if (typeof delta !== 'string' || delta === '') return ''
    return this.#text.append(this.#reasoning.push(delta))
  }

  finish (fallbackModel: string): Completion {
    const model = replyModel(this.#model, fallbackModel)
    // A reply that is nothing but the start of a tag ("<") was held back, never shown as a token; it is still the answer.
    this.#text.append(this.#reasoning.flush())
    if (this.#text.full) {
      return { text: scrubSecrets(separateReasoning(this.#text.text).answer), finishReason: 'length', usage: mapUsage(this.#usage), model, cutAt: this.#text.maxChars }
    }
    if (this.#finish === undefined) {
      // A stream that never carried a choice held no answer at all, as a whole reply without choices.
      if (!this.#choices) throw new ProviderError('invalid_response', 'stream without choices')
      throw new ProviderError('truncated', 'stream ended before a finish reason')
    }
    return {
      text: scrubSecrets(separateReasoning(this.#text.text).answer),
      finishReason: mapFinishReason(this.#finish),
      usage: mapUsage(this.#usage),
      model
    }
  }
}
