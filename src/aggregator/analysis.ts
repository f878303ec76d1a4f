// Content tokens of an answer, the same as text.ts's contentTokens() but cheaper: it runs on every word of
// every answer, so it is the aggregator's largest cost and the one that grows with the answers' length.
//
// What makes it cheaper, none of it changes a token:
// - text without any non-ASCII character (most English answers) needs no Unicode normalisation: its words
//   are found by one scan of character codes, lower-cased as they are read, instead of a lower-cased copy
//   and the Unicode-property regular expression;
// - a word is not cut out of the text to be looked up: its hash is computed during the scan and it is
//   compared in place with the words already seen, so a known word costs no string and no Map lookup;
// - each distinct word is reduced (stop word, stem, canonical digits) once and remembered as a small
//   integer: an answer repeats its words, and the answers to one question share most of theirs;
// - occurrences are counted in arrays indexed by that integer, and the Map of counts is built once per
//   answer from its distinct tokens.
// tests/aggregator/aggregator.test.ts (its analysis subtest) and analysis-once.test.ts hold it to contentTokens() on every recorded
// answer of datasets/ and on text built to reach each branch.

import { contentTokens as slowContentTokens, foldAccents, wordCount } from './text.js'

const NON_ASCII = /[^\x00-\x7f]/
const LETTER = /^\p{L}$/u
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u

/** Distinct words remembered; past this the memory starts again, so unusual input cannot grow it without bound. */
const MEMO_LIMIT = 20_000
/** Code units of the words remembered, past which the memory starts again too (a few very long "words"). */
const POOL_LIMIT = 1 << 20
/** Slots of the word table: a power of two, kept at most half full by growing. */
const INITIAL_SLOTS = 1 << 12

// The word table: open addressing on the FNV-1a hash of the word's (lower-cased) code units. The words
// themselves are kept as code units in one pool: comparing a word of the text with them in place is
// cheaper than with strings.
let slots = INITIAL_SLOTS
let slotHash = new Int32Array(slots)
/** Where the slot's word starts in the pool; its length, 0 for an empty slot. */
let slotStart = new Int32Array(slots)
let slotLength = new Int32Array(slots)
/** The word's token id, or -1 for a stop word. */
let slotToken = new Int32Array(slots)
let words = 0
let pool = new Uint16Array(1 << 14)
let poolLength = 0

// Tokens by id, and each one's count in the text being counted (valid where its stamp is the current one).
let tokens: string[] = []
let tokenIds = new Map<string, number>()
let tokenCount: number[] = []
let tokenStamp: number[] = []
let stamp = 0

/** Token ids of the last scan, in order of occurrence. */
let found = new Int32Array(1024)
let foundLength = 0

function forgetAll (): void {
  slots = INITIAL_SLOTS
  slotHash = new Int32Array(slots)
  slotStart = new Int32Array(slots)
  slotLength = new Int32Array(slots)
  slotToken = new Int32Array(slots)
  words = 0
  pool = new Uint16Array(1 << 14)
  poolLength = 0
  tokens = []
  tokenIds = new Map()
  tokenCount = []
  tokenStamp = []
}

function grow (): void {
  const oldHash = slotHash
  const oldStart = slotStart
  const oldLength = slotLength
  const oldToken = slotToken
  slots *= 2
  slotHash = new Int32Array(slots)
  slotStart = new Int32Array(slots)
  slotLength = new Int32Array(slots)
  slotToken = new Int32Array(slots)
  const mask = slots - 1
  for (let i = 0; i < oldLength.length; i++) {
    if (oldLength[i] === 0) continue
    let slot = oldHash[i] & mask
    while (slotLength[slot] !== 0) slot = (slot + 1) & mask
    slotHash[slot] = oldHash[i]
    slotStart[slot] = oldStart[i]
    slotLength[slot] = oldLength[i]
    slotToken[slot] = oldToken[i]
  }
}

function tokenId (token: string): number {
  let id = tokenIds.get(token)
  if (id === undefined) {
    id = tokens.length
    tokens.push(token)
    tokenIds.set(token, id)
    tokenCount.push(0)
    tokenStamp.push(0)
  }
  return id
}

function record (id: number): void {
  if (foundLength === found.length) {
    const larger = new Int32Array(found.length * 2)
    larger.set(found)
    found = larger
  }
  found[foundLength++] = id
}

/**
 * The token id (or -1) of the word text[start, end), looked up by its hash; a new word is reduced as
 * contentTokens() reduces it: a folded word is its own only token, given back stemmed or, for a stop
 * word, not at all.
 */
function lookUp (text: string, start: number, end: number, hash: number): number {
  const mask = slots - 1
  let slot = hash & mask
  const length = end - start
  for (;;) {
    const known = slotLength[slot]
    if (known === 0) break
    if (known === length && slotHash[slot] === hash) {
      const at = slotStart[slot]
      let k = 0
      while (k < length) {
        // ASCII upper case is read as lower case; folded text has none.
        let c = text.charCodeAt(start + k)
        if (c >= 65 && c <= 90) c += 32
        if (pool[at + k] !== c) break
        k++
      }
      if (k === length) return slotToken[slot]
    }
    slot = (slot + 1) & mask
  }
  // Folded text is lower case already; ASCII text is lower-cased as the scan read it.
  const word = scanningAscii ? text.slice(start, end).toLowerCase() : text.slice(start, end)
  const token = slowContentTokens(word)[0]
  const id = token === undefined ? -1 : tokenId(token)
  if (poolLength + length > pool.length) {
    const larger = new Uint16Array(Math.max(pool.length * 2, poolLength + length))
    larger.set(pool)
    pool = larger
  }
  for (let k = 0; k < length; k++) pool[poolLength + k] = word.charCodeAt(k)
  slotHash[slot] = hash
  slotStart[slot] = poolLength
  slotLength[slot] = length
  slotToken[slot] = id
  poolLength += length
  if (++words * 2 > slots) grow()
  return id
}

// Classes of code points, as the scan needs them.
const Kind = { Other: 0, Letter: 1, Digit: 2, Number: 3 } as const
type Kind = typeof Kind[keyof typeof Kind]

/** Classes of the ASCII code units: letters (either case), digits, the rest. */
const ASCII_KIND: Kind[] = []
for (let c = 0; c < 128; c++) {
  ASCII_KIND[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? Kind.Letter : c >= 48 && c <= 57 ? Kind.Digit : Kind.Other
}
/** Classes of the other code points met: a letter (\p{L}), another number (\p{N}: '½', '²'), or neither. */
const unicodeKind = new Map<number, Kind>()

function kindOfCodePoint (cp: number): Kind {
  let kind = unicodeKind.get(cp)
  if (kind === undefined) {
    const char = String.fromCodePoint(cp)
    kind = LETTER.test(char) ? Kind.Letter : LETTER_OR_NUMBER.test(char) ? Kind.Number : Kind.Other
    // Bounded like the word table: the code points of one script are few, but input is anyone's.
    if (unicodeKind.size >= MEMO_LIMIT) unicodeKind.clear()
    unicodeKind.set(cp, kind)
  }
  return kind
}

// Scan state shared with the helpers below (one scan runs at a time: the aggregator is synchronous).
let width = 1
let scanningAscii = true

/** The class of the code point at i, and its width in code units in `width`. */
function kindAt (text: string, i: number): Kind {
  const c = text.charCodeAt(i)
  if (c < 128) {
    width = 1
    return ASCII_KIND[c]
  }
  const cp = text.codePointAt(i) as number
  width = cp > 0xffff ? 2 : 1
  return kindOfCodePoint(cp)
}

const APOSTROPHE = 39
const CURLY_APOSTROPHE = 0x2019
const HYPHEN = 45
const DOT = 46
const COMMA = 44

const isAsciiAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
const isDigit = (c: number): boolean => c >= 48 && c <= 57
const FNV_OFFSET = 0x811c9dc5 | 0
const FNV_PRIME = 16777619

/**
 * The words of ASCII text exactly as text.ts's TOKEN pattern matches them in its lower-cased copy (letters,
 * digits, ' and -), each one's token id recorded; returns its white-space-separated words, as text.ts's
 * wordCount() counts them, found in the same pass.
 */
function scanAscii (text: string): number {
  foundLength = 0
  stamp++
  scanningAscii = true
  const n = text.length
  let whitespaceWords = 0
  let inWord = false
  let i = 0
  while (i < n) {
    let c = text.charCodeAt(i)
    const start = i
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      // [a-z][a-z0-9]*(?:['-][a-z0-9]+)*, upper case read as lower case.
      let hash = FNV_OFFSET
      for (;;) {
        hash = Math.imul(hash ^ (c <= 90 && c >= 65 ? c + 32 : c), FNV_PRIME)
        if (++i === n) break
        c = text.charCodeAt(i)
        if (isAsciiAlnum(c)) continue
        // A joiner counts only when a letter or digit follows it.
        if ((c === APOSTROPHE || c === HYPHEN) && i + 1 < n && isAsciiAlnum(text.charCodeAt(i + 1))) continue
        break
      }
      const id = lookUp(text, start, i, hash)
      if (id >= 0) record(id)
      if (!inWord) whitespaceWords++
      inWord = true
    } else if (c >= 48 && c <= 57) {
      // \d+(?:[.,]\d+)*
      let hash = FNV_OFFSET
      for (;;) {
        hash = Math.imul(hash ^ c, FNV_PRIME)
        if (++i === n) break
        c = text.charCodeAt(i)
        if (isDigit(c)) continue
        if ((c === DOT || c === COMMA) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) continue
        break
      }
      const id = lookUp(text, start, i, hash)
      if (id >= 0) record(id)
      if (!inWord) whitespaceWords++
      inWord = true
    } else {
      // wordCount()'s white space that ASCII can hold: ' ' and \t to \r.
      if (c === 32 || (c >= 9 && c <= 13)) inWord = false
      else if (!inWord) {
        whitespaceWords++
        inWord = true
      }
      i++
    }
  }
  return whitespaceWords
}

/**
 * The words of folded text exactly as text.ts's TOKEN pattern matches them
 * (`[\p{L}][\p{L}\p{N}]*(?:['’-][\p{L}\p{N}]+)*|\d+(?:[.,]\d+)*`, by code points), each one's token id recorded.
 */
function scanFolded (text: string): void {
  foundLength = 0
  stamp++
  scanningAscii = false
  const n = text.length
  let i = 0
  while (i < n) {
    const first = text.charCodeAt(i)
    // White space and punctuation between words, read without a call.
    if (first < 128 && ASCII_KIND[first] === Kind.Other) {
      i++
      continue
    }
    const kind = kindAt(text, i)
    const start = i
    if (kind === Kind.Letter) {
      // [\p{L}][\p{L}\p{N}]*
      let hash = FNV_OFFSET
      for (let k = 0; k < width; k++) hash = Math.imul(hash ^ text.charCodeAt(i + k), FNV_PRIME)
      i += width
      for (;;) {
        while (i < n) {
          const c = text.charCodeAt(i)
          // Most of a folded text is ASCII: its classes are read from the table without a call.
          if (c < 128) {
            if (ASCII_KIND[c] === Kind.Other) break
            hash = Math.imul(hash ^ c, FNV_PRIME)
            i++
            continue
          }
          if (kindAt(text, i) === Kind.Other) break
          for (let k = 0; k < width; k++) hash = Math.imul(hash ^ text.charCodeAt(i + k), FNV_PRIME)
          i += width
        }
        // (?:['’-][\p{L}\p{N}]+)*: a joiner counts only when a letter or number follows it.
        if (i + 1 >= n) break
        const joiner = text.charCodeAt(i)
        if (joiner !== APOSTROPHE && joiner !== HYPHEN && joiner !== CURLY_APOSTROPHE) break
        if (kindAt(text, i + 1) === Kind.Other) break
        hash = Math.imul(hash ^ joiner, FNV_PRIME)
        i++
      }
      const id = lookUp(text, start, i, hash)
      if (id >= 0) record(id)
    } else if (kind === Kind.Digit) {
      // \d+(?:[.,]\d+)*: ASCII digits only, as \d is even with the u flag.
      let hash = FNV_OFFSET
      for (;;) {
        let c = text.charCodeAt(i)
        while (isDigit(c)) {
          hash = Math.imul(hash ^ c, FNV_PRIME)
          c = text.charCodeAt(++i)
        }
        if ((c !== DOT && c !== COMMA) || !isDigit(text.charCodeAt(i + 1))) break
        hash = Math.imul(hash ^ c, FNV_PRIME)
        i++
      }
      const id = lookUp(text, start, i, hash)
      if (id >= 0) record(id)
    } else {
      i += width
    }
  }
}

/**
 * Scans the text (folded first when it has non-ASCII characters). Returns its word count when the scan
 * counted it (the ASCII scan does), else null.
 */
function scanText (text: string): number | null {
  if (words >= MEMO_LIMIT || poolLength >= POOL_LIMIT) forgetAll()
  if (!NON_ASCII.test(text)) {
    // Folding ASCII is lower-casing: NFD leaves it as it is and it has no combining marks.
    return scanAscii(text)
  }
  scanFolded(foldAccents(text))
  return null
}

/** Stemmed tokens without stop words, in order: the same list as text.ts's contentTokens(text). */
export function contentTokens (text: string): string[] {
  scanText(text)
  const out = new Array<string>(foundLength)
  for (let k = 0; k < foundLength; k++) out[k] = tokens[found[k]]
  return out
}

/**
 * How often each of contentTokens(text) occurs, keys in order of first occurrence, from one scan: the term
 * frequencies of the similarity and the vocabulary of the relevance score.
 */
export function tokenCounts (text: string): Map<string, number> {
  scanText(text)
  return countsOfScan()
}

/** An answer read once: its token counts (tokenCounts) and its word count (text.ts's wordCount), from the same scan where it can. */
export function analyseAnswer (text: string): { counts: Map<string, number>, words: number } {
  const words = scanText(text)
  return { counts: countsOfScan(), words: words ?? wordCount(text) }
}

/** The counts of the tokens the last scan found. */
function countsOfScan (): Map<string, number> {
  const current = stamp
  const distinct: number[] = []
  for (let k = 0; k < foundLength; k++) {
    const id = found[k]
    if (tokenStamp[id] !== current) {
      tokenStamp[id] = current
      tokenCount[id] = 1
      distinct.push(id)
    } else {
      tokenCount[id]++
    }
  }
  const counts = new Map<string, number>()
  for (const id of distinct) counts.set(tokens[id], tokenCount[id])
  return counts
}
