// Streamed tokens go out in reasonably sized events: the pieces that arrive together (an SDK parses every
// event of one network read in the same turn) are merged into one, and a burst is cut into pieces of at most
// `maxChars`. One event per upstream token would cost a write, a JSON serialisation and an SSE frame per word.

export class TokenBatcher {
  #provider: string | undefined
  #text = ''
  #scheduled: NodeJS.Immediate | undefined

  constructor (private readonly emit: (provider: string, text: string) => void, private readonly maxChars = 4096) {}

  push (provider: string, text: string): void {
    if (text === '') return
    if (this.#provider !== undefined && provider !== this.#provider) this.flush()
    this.#provider = provider
    this.#text += text
    if (this.#text.length >= this.maxChars) {
      this.flush()
      return
    }
    this.#scheduled ??= setImmediate(() => {
      this.#scheduled = undefined
      this.flush()
    })
  }

  /** Sends what is waiting; call it before any other event so the order of events is kept. */
  flush (): void {
    if (this.#scheduled !== undefined) {
      clearImmediate(this.#scheduled)
      this.#scheduled = undefined
    }
    const provider = this.#provider
    const text = this.#text
    this.#provider = undefined
    this.#text = ''
    if (provider !== undefined && text !== '') this.emit(provider, text)
  }
}
