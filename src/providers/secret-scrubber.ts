// The one place that removes configured secrets from text that came from outside: provider error codes and
// types, answer text, model names, log lines. An upstream that echoes the key it received (in a message, an
// error code, a header) must not turn this service into the channel that publishes it.

/** Shorter values are too likely to occur by chance (and are not real keys). */
const MIN_SECRET_LENGTH = 8
/** A run this long of a secret counts as the secret: providers quote keys partly (`sk-abc...wxyz`). */
const FRAGMENT_LENGTH = 12

export const REDACTED = '[redacted]'

const secrets = new Set<string>()
let wholePattern: RegExp | undefined
let fragmentPattern: RegExp | undefined

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function rebuild (): void {
  const list = [...secrets].sort((a, b) => b.length - a.length)
  wholePattern = list.length === 0 ? undefined : new RegExp(list.map(escape).join('|'), 'g')
  const fragments = new Set<string>()
  for (const secret of list) {
    if (secret.length <= FRAGMENT_LENGTH) continue
    for (let i = 0; i + FRAGMENT_LENGTH <= secret.length; i++) fragments.add(secret.slice(i, i + FRAGMENT_LENGTH))
  }
  // Whole secrets first, so a full key is replaced once rather than fragment by fragment.
  fragmentPattern = list.length === 0 ? undefined : new RegExp([...list, ...fragments].map(escape).join('|'), 'g')
}

/**
 * Adds values to the process-wide set of secrets. Every configured key is registered when the app is built
 * and every adapter registers its own, so an adapter built outside the app is covered too.
 */
export function registerSecrets (values: Iterable<string | undefined | null>): void {
  let changed = false
  for (const value of values) {
    if (typeof value !== 'string') continue
    const secret = value.trim()
    if (secret.length < MIN_SECRET_LENGTH || secrets.has(secret)) continue
    secrets.add(secret)
    changed = true
  }
  if (changed) rebuild()
}

/** Replaces every registered secret in `text`. Cheap enough for whole answers: one regular expression pass. */
export function scrubSecrets (text: string): string {
  if (wholePattern === undefined) return text
  wholePattern.lastIndex = 0
  return wholePattern.test(text) ? text.replace(wholePattern, REDACTED) : text
}

/**
 * For short upstream text (error codes, types, reasons, headers): also removes any run of
 * FRAGMENT_LENGTH characters of a secret, as providers quote keys in part.
 */
export function scrubFragments (text: string): string {
  if (fragmentPattern === undefined) return text
  fragmentPattern.lastIndex = 0
  return fragmentPattern.test(text) ? text.replace(fragmentPattern, REDACTED) : text
}

/** Whether the text holds a secret or a fragment of one. */
export function holdsSecret (text: string): boolean {
  return scrubFragments(text) !== text
}

/**
 * A short identifier from upstream (an error code, a finish or block reason, a model name) fit to show:
 * identifier-like, at most 64 characters, and holding no part of a secret. Anything else is dropped whole,
 * since a partly masked code says nothing useful.
 */
export function safeIdentifier (value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z][\w.:/-]{0,63}$/.test(value)) return undefined
  return holdsSecret(value) ? undefined : value
}

/**
 * Scrubs streamed text, where a model may write a key over several tokens. Each piece is checked together
 * with the last FRAGMENT_LENGTH - 1 characters before it, and every run of FRAGMENT_LENGTH characters of a
 * secret that reaches into the piece is masked: no token event, nor the tokens put together, carries 12
 * consecutive characters of a key, and nothing is held back, so the stream stays live.
 */
export class StreamScrubber {
  #tail = ''

  /** The piece with every secret run reaching into it masked. */
  push (piece: string): string {
    const pattern = fragmentPattern
    if (pattern === undefined || piece === '') return piece
    const before = this.#tail
    const text = before + piece
    this.#tail = text.slice(-(FRAGMENT_LENGTH - 1))
    let out = ''
    let at = before.length
    for (const match of text.matchAll(pattern)) {
      const end = match.index + match[0].length
      // A run inside the earlier text was dealt with when it was passed on.
      if (end <= before.length) continue
      const from = Math.max(match.index, at)
      out += text.slice(at, from) + REDACTED
      at = end
    }
    return out + text.slice(at)
  }
}
