// Adapter for Google Gemini through @google/genai (the Gemini Developer API, never Vertex).
import { GoogleGenAI, type Content, type GenerateContentConfig, type GenerateContentResponse, type GenerateContentResponseUsageMetadata } from '@google/genai'
import { BoundedText, DEFAULT_MAX_ANSWER_CHARS, limitCompletion, notAnEventStream } from './answer-limit.js'
import { toProviderError } from './errors.js'
import { replyModel } from './openai-wire.js'
import { registerSecrets, safeIdentifier, scrubSecrets, StreamScrubber } from './secret-scrubber.js'
import { openUpstreamCall, type UpstreamCall } from './upstream-call.js'
import { ProviderError, type Completion, type CompletionRequest, type FinishReason, type Provider, type ProviderSpec, type StreamCallbacks, type Usage } from './types.js'

export const GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com'

/** Finish reasons that mean the answer was withheld, whatever text came before. */
const WITHHELD = new Set([
  'SAFETY', 'RECITATION', 'PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII',
  'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT', 'IMAGE_RECITATION'
])

export class GeminiProvider implements Provider {
  readonly id: string
  readonly kind = 'gemini' as const
  readonly model: string
  readonly weight: number
  readonly timeoutMs?: number
  readonly maxAnswerChars: number
  readonly #client: GoogleGenAI

  constructor (spec: ProviderSpec) {
    if (spec.apiKey === undefined || spec.apiKey === '') {
      throw new Error(`provider "${spec.id}": a Gemini API key is required`)
    }
    this.id = spec.id
    this.model = spec.model
    this.weight = spec.weight ?? 1
    this.timeoutMs = spec.timeoutMs
    this.maxAnswerChars = spec.maxAnswerChars ?? DEFAULT_MAX_ANSWER_CHARS
    registerSecrets([spec.apiKey])
    this.#client = new GoogleGenAI({
      apiKey: spec.apiKey,
      // Explicit, so GOOGLE_GENAI_USE_VERTEXAI or GOOGLE_GEMINI_BASE_URL in the environment cannot redirect calls.
      vertexai: false,
      httpOptions: { baseUrl: spec.baseUrl ?? GEMINI_BASE_URL }
    })
  }

  async complete (request: CompletionRequest, signal: AbortSignal): Promise<Completion> {
    const call = openUpstreamCall(signal, { maxAnswerChars: this.maxAnswerChars })
    try {
      const response = await this.#client.models.generateContent(this.#params(request, call))
      call.finish()
      if (typeof response !== 'object' || response === null) throw new ProviderError('invalid_response', 'reply was not JSON')
      // The whole reply is already bounded in bytes; its text is kept to the limit like a stream's.
      const answer = new GeminiAnswer(Number.POSITIVE_INFINITY)
      answer.push(response)
      return limitCompletion(answer.finish(this.model, false), this.maxAnswerChars)
    } catch (err) {
      throw toProviderError(err, { signal, headers: call.headers, responded: call.responded })
    } finally {
      call.close()
    }
  }

  async stream (request: CompletionRequest, signal: AbortSignal, callbacks: StreamCallbacks = {}): Promise<Completion> {
    const call = openUpstreamCall(signal, { maxAnswerChars: this.maxAnswerChars })
    try {
      const stream = await this.#client.models.generateContentStream(this.#params(request, call))
      // The SDK would read an HTML page sent with 200 as an event stream without events: a cut answer, wrongly.
      const wrongType = notAnEventStream(call.headers)
      if (wrongType !== undefined) throw wrongType
      const answer = new GeminiAnswer(this.maxAnswerChars)
      const scrubber = new StreamScrubber()
      for await (const chunk of stream) {
        callbacks.onChunk?.()
        const text = answer.push(chunk)
        const shown = text === '' ? '' : scrubber.push(text)
        if (shown !== '') callbacks.onToken?.(shown)
        // Leaving the loop stops reading; call.close() below releases the connection.
        if (answer.full) break
      }
      if (!answer.full) call.finish()
      return answer.finish(this.model, true)
    } catch (err) {
      throw toProviderError(err, { signal, headers: call.headers, responded: call.responded, phase: 'stream' })
    } finally {
      call.close()
    }
  }

  #params (request: CompletionRequest, call: UpstreamCall): { model: string, contents: Content[], config: GenerateContentConfig } {
    const system = request.messages.filter(m => m.role === 'system').map(m => m.content).join('\n\n')
    const contents: Content[] = request.messages
      .filter(m => m.role !== 'system')
      .map(m => ({ role: m.role === 'assistant' ? 'model' : 'user', parts: [{ text: m.content }] }))
    const config: GenerateContentConfig = {
      abortSignal: call.signal,
      // One call is one HTTP request: continuing a long answer is a decision for the fan-out, not the SDK.
      automaticContinuation: false,
      // The observing fetch keeps the response headers, which ApiError does not carry.
      httpOptions: { fetch: call.fetch }
    }
    if (system !== '') config.systemInstruction = system
    if (request.maxTokens !== undefined) config.maxOutputTokens = request.maxTokens
    if (request.temperature !== undefined) config.temperature = request.temperature
    return { model: this.model, contents, config }
  }
}

/** Gathers one answer from a whole response or from stream chunks. */
class GeminiAnswer {
  readonly #text: BoundedText
  #finish: string | undefined
  #candidates = false
  #usage: GenerateContentResponseUsageMetadata | undefined
  #model: string | undefined

  constructor (maxChars: number) {
    this.#text = new BoundedText(maxChars)
  }

  get full (): boolean {
    return this.#text.full
  }

  push (response: GenerateContentResponse): string {
    if (typeof response !== 'object' || response === null) throw new ProviderError('invalid_response', 'malformed stream chunk')
    if (response.usageMetadata !== undefined) this.#usage = response.usageMetadata
    if (response.modelVersion !== undefined && response.modelVersion !== '') this.#model = response.modelVersion
    const candidate = response.candidates?.[0]
    const blockReason = response.promptFeedback?.blockReason
    if (candidate === undefined) {
      if (blockReason !== undefined) {
        throw new ProviderError('content_filtered', `prompt blocked${reasonOf(blockReason)}`)
      }
      return ''
    }
    this.#candidates = true
    const piece = (candidate.content?.parts ?? [])
      // Thought summaries are the model's scratch work, not its answer.
      .filter(part => typeof part.text === 'string' && part.thought !== true)
      .map(part => part.text)
      .join('')
    const kept = this.#text.append(piece)
    if (candidate.finishReason !== undefined) this.#finish = candidate.finishReason
    if (this.#finish !== undefined && WITHHELD.has(this.#finish)) {
      throw new ProviderError('content_filtered', `answer withheld${reasonOf(this.#finish)}`)
    }
    return kept
  }

  finish (fallbackModel: string, streamed: boolean): Completion {
    const model = replyModel(this.#model, fallbackModel)
    const text = scrubSecrets(this.#text.text)
    if (this.#text.full) {
      return { text, finishReason: 'length', usage: mapUsage(this.#usage), model, cutAt: this.#text.maxChars }
    }
    if (this.#finish === undefined) {
      // No candidate at all is no answer, streamed or not; a started stream that stops is a cut answer.
      if (!this.#candidates) throw new ProviderError('invalid_response', 'response without candidates')
      if (streamed) throw new ProviderError('truncated', 'stream ended before a finish reason')
      if (this.#text.text === '') throw new ProviderError('invalid_response', 'response without candidates')
    }
    return {
      text,
      finishReason: mapFinishReason(this.#finish),
      usage: mapUsage(this.#usage),
      model
    }
  }
}

/** An upstream reason, shown only when it is a plain identifier. */
function reasonOf (reason: unknown): string {
  const shown = safeIdentifier(reason)
  return shown === undefined ? '' : ` (${shown})`
}

function mapFinishReason (reason: string | undefined): FinishReason {
  switch (reason) {
    case 'STOP':
      return 'stop'
    // CONTINUATION: the token budget ran out before the answer did.
    case 'MAX_TOKENS':
    case 'CONTINUATION':
      return 'length'
    default:
      return 'other'
  }
}

function mapUsage (usage: GenerateContentResponseUsageMetadata | undefined): Usage | null {
  if (usage === undefined) return null
  const thoughts = usage.thoughtsTokenCount
  // Gemini counts thoughts apart from the candidates but bills them as output, as OpenAI counts reasoning tokens.
  const mapped: Usage = {
    promptTokens: usage.promptTokenCount ?? 0,
    completionTokens: (usage.candidatesTokenCount ?? 0) + (thoughts ?? 0)
  }
  if (thoughts !== undefined) mapped.reasoningTokens = thoughts
  return mapped
}
