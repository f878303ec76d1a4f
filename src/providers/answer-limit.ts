// MAX_ANSWER_CHARS: how much of one provider's answer is read. Past it the upstream is no longer read (a
// stream is closed, a body is cut), the answer is kept up to the limit and marked cut, so one runaway or
// hostile provider cannot fill the memory, stall the event loop in the aggregator or flood a client.
import { ProviderError, type Completion } from './types.js'

export const DEFAULT_MAX_ANSWER_CHARS = 32_000

/**
 * Bytes allowed for a whole (non-streamed) response body. JSON escapes (`\u00e9` is 6 bytes for one
 * character), the envelope and a reasoning model's reasoning field all count, hence the margin; a body past
 * this cannot hold an answer within the limit that is worth parsing.
 */
export function bodyByteLimit (maxChars: number): number {
  return maxChars * 8 + 65_536
}

/** The first `max` characters, not splitting a surrogate pair. */
export function cutText (text: string, max: number): string {
  if (text.length <= max) return text
  const end = max > 0 && /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max
  return text.slice(0, end)
}

/** A whole answer kept to the limit: cut text, finish reason `length`, and `cutAt` saying why. */
export function limitCompletion (completion: Completion, maxChars: number): Completion {
  if (completion.text.length <= maxChars) return completion
  return { ...completion, text: cutText(completion.text, maxChars), finishReason: 'length', cutAt: maxChars }
}

/** Collects streamed text up to the limit; `full` says when to stop reading. */
export class BoundedText {
  #text = ''
  #full = false

  constructor (readonly maxChars: number) {}

  get text (): string { return this.#text }
  get full (): boolean { return this.#full }

  /** Keeps what fits of `piece` and returns it ('' once the limit is reached). */
  append (piece: string): string {
    if (this.#full || piece === '') return ''
    const room = this.maxChars - this.#text.length
    const kept = piece.length <= room ? piece : cutText(piece, room)
    if (kept.length < piece.length) this.#full = true
    this.#text += kept
    if (this.#text.length >= this.maxChars) this.#full = true
    return kept
  }
}

/** The message a cut answer carries, in the candidate's `error` beside its `ok` status. */
export function cutMessage (maxChars: number): string {
  return `answer cut at ${maxChars} characters (MAX_ANSWER_CHARS); the rest was not read`
}

const EVENT_STREAM = /^text\/event-stream/i
const JSON_TYPE = /[/+]json/i

/**
 * Bounds the body of a whole (non-streamed) response at `maxBytes`: past it reading stops, the connection is
 * released and the body fails with a ProviderError the SDK passes on. Event streams are left alone: their
 * answer text is bounded as it is read, and a long reasoning stream is not an oversized answer.
 */
export function boundResponse (response: Response, maxBytes: number): Response {
  const type = response.headers.get('content-type') ?? ''
  if (response.body === null || EVENT_STREAM.test(type)) return response
  const declared = Number(response.headers.get('content-length') ?? NaN)
  // Most replies say their length: when it fits, nothing needs watching.
  if (Number.isFinite(declared) && declared <= maxBytes) return response
  const reader = response.body.getReader()
  let received = 0
  const body = new ReadableStream<Uint8Array>({
    async pull (controller) {
      const { done, value } = await reader.read()
      if (done) {
        controller.close()
        return
      }
      received += value.byteLength
      if (received > maxBytes) {
        await reader.cancel().catch(() => {})
        controller.error(JSON_TYPE.test(type) || type === ''
          ? new ProviderError('truncated', `reply larger than ${maxBytes} bytes, more than MAX_ANSWER_CHARS allows; not read further`)
          : new ProviderError('invalid_response', `reply is not JSON (${safeType(type)}) and larger than ${maxBytes} bytes`))
        return
      }
      controller.enqueue(value)
    },
    async cancel (reason) {
      await reader.cancel(reason)
    }
  })
  const bounded = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
  Object.defineProperty(bounded, 'url', { value: response.url })
  return bounded
}

function safeType (type: string): string {
  return /^[\w.+-]+\/[\w.+-]+/.exec(type)?.[0] ?? 'unknown type'
}

/** A fetch whose whole-body replies are bounded (see boundResponse). */
export function boundedFetch (maxBytes: number, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => boundResponse(await base(input, init), maxBytes)
}

/** An event stream was expected and something else came back (an HTML error page with status 200, a JSON body). */
export function notAnEventStream (headers: Headers | undefined): ProviderError | undefined {
  const type = headers?.get('content-type')
  if (type === undefined || type === null || EVENT_STREAM.test(type)) return undefined
  return new ProviderError('invalid_response', `reply was not an event stream (${safeType(type)})`)
}
