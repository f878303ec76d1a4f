// Content tokens of an answer, the same as text.ts's contentTokens() but cheaper: it runs on every word of
// every answer, so it is the aggregator's largest cost and the one that grows with the answers' length.
//
// Two things make it cheaper, neither changes a token:
// - text without any non-ASCII character (most English answers) needs no Unicode normalisation, and its
//   words are found by a scan of character codes instead of the Unicode-property regular expression;
// - each distinct word is reduced (stop word, stem, canonical digits) once and remembered: an answer repeats
//   its words, and the answers to one question share most of theirs.
// tests/aggregator/analysis.test.ts holds it to contentTokens() on every recorded answer of datasets/.

import { contentTokens as slowContentTokens, foldAccents } from './text.js'

const NON_ASCII = /[^\x00-\x7f]/
// The token pattern of text.ts, for text with non-ASCII characters.
const TOKEN = /[\p{L}][\p{L}\p{N}]*(?:['’-][\p{L}\p{N}]+)*|\d+(?:[.,]\d+)*/gu

/** Distinct words seen; past this the memo starts again, so unusual input cannot grow it without bound. */
const MEMO_LIMIT = 20_000
const reduced = new Map<string, string | null>()

/** The content token of one folded word (null for a stop word), as contentTokens() would give it. */
function reduce (word: string): string | null {
  let token = reduced.get(word)
  if (token === undefined) {
    // A folded word is its own only token: contentTokens() gives it back stemmed, or nothing for a stop word.
    token = slowContentTokens(word)[0] ?? null
    if (reduced.size >= MEMO_LIMIT) reduced.clear()
    reduced.set(word, token)
  }
  return token
}

const isLower = (c: number): boolean => c >= 97 && c <= 122
const isDigit = (c: number): boolean => c >= 48 && c <= 57
const isAlnum = (c: number): boolean => isLower(c) || isDigit(c)
const APOSTROPHE = 39
const HYPHEN = 45
const DOT = 46
const COMMA = 44

/** The words of lower-case ASCII text, exactly as TOKEN would match them (letters a-z, digits 0-9, ' and -). */
function asciiWords (text: string, visit: (word: string) => void): void {
  const n = text.length
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    const start = i
    if (isLower(c)) {
      i++
      while (i < n && isAlnum(text.charCodeAt(i))) i++
      // (?:['-][a-z0-9]+)*: a joiner counts only when a letter or digit follows it.
      while (i + 1 < n) {
        const joiner = text.charCodeAt(i)
        if ((joiner !== APOSTROPHE && joiner !== HYPHEN) || !isAlnum(text.charCodeAt(i + 1))) break
        i += 2
        while (i < n && isAlnum(text.charCodeAt(i))) i++
      }
      visit(text.slice(start, i))
    } else if (isDigit(c)) {
      i++
      while (i < n && isDigit(text.charCodeAt(i))) i++
      // (?:[.,]\d+)*
      while (i + 1 < n) {
        const separator = text.charCodeAt(i)
        if ((separator !== DOT && separator !== COMMA) || !isDigit(text.charCodeAt(i + 1))) break
        i += 2
        while (i < n && isDigit(text.charCodeAt(i))) i++
      }
      visit(text.slice(start, i))
    } else {
      i++
    }
  }
}

/** Stemmed tokens without stop words, in order: the same list as text.ts's contentTokens(text). */
export function contentTokens (text: string): string[] {
  const out: string[] = []
  const visit = (word: string): void => {
    const token = reduce(word)
    if (token !== null) out.push(token)
  }
  scanWords(text, visit)
  return out
}

/**
 * How often each of contentTokens(text) occurs, keys in order of first occurrence, from one scan: the term
 * frequencies of the similarity and the vocabulary of the relevance score, which used to be counted and
 * collected again each from the list of tokens.
 */
export function tokenCounts (text: string): Map<string, number> {
  const counts = new Map<string, number>()
  scanWords(text, word => {
    const token = reduce(word)
    if (token !== null) counts.set(token, (counts.get(token) ?? 0) + 1)
  })
  return counts
}

function scanWords (text: string, visit: (word: string) => void): void {
  if (!NON_ASCII.test(text)) {
    // Folding ASCII is lower-casing: NFD leaves it as it is and it has no combining marks.
    asciiWords(text.toLowerCase(), visit)
  } else {
    for (const match of foldAccents(text).matchAll(TOKEN)) visit(match[0])
  }
}
