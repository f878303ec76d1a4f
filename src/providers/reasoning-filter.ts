// Streamed answers that open with a reasoning model's thinking (<think>…</think>, see
// src/aggregator/reasoning.ts): the thinking is neither shown as answer tokens nor counted against the
// answer limit, and only the closing tag's length of it is held at a time.
import { REASONING_TAGS } from '../aggregator/reasoning.js'

const OPENINGS = REASONING_TAGS.map(tag => `<${tag}>`)

export class ReasoningFilter {
  /** 'start': not yet known whether the reply opens with thinking; 'thinking': inside it; 'answer': past it. */
  #mode: 'start' | 'thinking' | 'answer' = 'start'
  #held = ''
  #closing = ''
  /** Whether the reply opened with thinking, and how much of it was set aside. */
  thought = false
  reasoningChars = 0

  /** The part of `piece` that is answer text ('' while the reply is, or may still be, thinking). */
  push (piece: string): string {
    if (this.#mode === 'answer') return piece
    this.#held += piece
    if (this.#mode === 'start') {
      const lead = this.#held.trimStart().toLowerCase()
      // Whitespace, or the beginning of an opening tag: wait for the next piece to tell.
      if (lead === '' || OPENINGS.some(tag => tag.startsWith(lead))) return ''
      const opening = OPENINGS.find(tag => lead.startsWith(tag))
      if (opening === undefined) return this.#answer(this.#held)
      this.#mode = 'thinking'
      this.thought = true
      this.#closing = `</${opening.slice(1)}`
      this.#held = this.#held.trimStart().slice(opening.length)
    }
    const end = this.#held.toLowerCase().indexOf(this.#closing)
    if (end === -1) {
      // Keep only what could be the start of the closing tag.
      const keep = Math.min(this.#held.length, this.#closing.length - 1)
      this.reasoningChars += this.#held.length - keep
      this.#held = this.#held.slice(this.#held.length - keep)
      return ''
    }
    this.reasoningChars += end
    const after = this.#held.slice(end + this.#closing.length)
    this.#held = ''
    // What follows is the answer, or another block of thinking.
    this.#mode = 'start'
    return after === '' ? '' : this.push(after)
  }

  /** At the end of the stream: what was held while it could still have been an opening tag ('<' alone, say). */
  flush (): string {
    if (this.#mode !== 'start' || this.#held === '') return ''
    return this.#answer(this.#held)
  }

  #answer (text: string): string {
    this.#mode = 'answer'
    this.#held = ''
    // The blank lines between the thinking and the answer are not part of it.
    return this.thought ? text.trimStart() : text
  }
}
