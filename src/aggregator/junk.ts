// Replies that are not answers at all: error texts relayed as content, empty-ish and one-word replies.

import { foldAccents, wordsUpTo } from './text.js'
import type { ExpectedAnswer } from './question-type.js'

/**
 * Error messages that gateways and local servers return as if they were the model's answer
 * (an Ollama "model not found", an HTML error page, a JSON error body). Anchored at the start,
 * so an answer that explains such an error is never mistaken for one.
 */
const ERROR_TEXT: readonly RegExp[] = [
  /^(?:error|erro|exception|fatal|traceback|panic)\b\s*[:\-[(]/,
  /^(?:\{|\[)\s*"?(?:error|detail|message|code|status)"?\s*:/,
  /^<(?:!doctype|html|head|body)\b/,
  /^(?:unknown|invalid|unsupported) model\b|^model (?:["'`][^"'`]*["'`] )?(?:not found|does not exist|is not available|not available)|\bmodel ["'`]?[\w.:/-]+["'`]? not found\b/,
  /^(?:\d{3} )?(?:not found|internal server error|bad gateway|service unavailable|gateway time-?out|too many requests|unauthorized|forbidden|bad request)\b/,
  /^(?:rate limit|quota) (?:exceeded|reached)|^(?:invalid|incorrect|missing) (?:api )?(?:key|token)\b|^(?:request|connection) (?:failed|timed out|refused|reset)\b/,
  /^(?:null|undefined|none|nan|n\/a|\[object object\])$/
]

/** Under this many words an answer to an open question (an explanation, a procedure) says nothing. */
const MIN_OPEN_ANSWER_WORDS = 3

/** Why a reply is junk, in plain words, or null when it is an answer. */
export function detectJunk (text: string, expected: ExpectedAnswer): string | null {
  const trimmed = text.trim()
  const folded = foldAccents(trimmed.slice(0, 400))
  for (const pattern of ERROR_TEXT) {
    if (pattern.test(folded)) return 'an error message, not an answer'
  }
  if (!/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(trimmed)) return 'only punctuation, no words'
  if (expected === 'open') {
    const words = wordsUpTo(trimmed, MIN_OPEN_ANSWER_WORDS)
    if (words < MIN_OPEN_ANSWER_WORDS) return `${words === 1 ? 'a one-word' : 'a two-word'} reply to an open question`
  }
  if (loops(trimmed)) return 'the same words over and over, a generation stuck in a loop'
  return null
}

/**
 * A model stuck in a loop ("- instruct - instruct - instruct …", one sentence a hundred times) writes few
 * distinct runs of three words. Read at LOOP_SAMPLES word starts spread over the reply, and at the word
 * starts of its last LOOP_TAIL_CHARS: where under LOOP_SHARE of the runs read are distinct, it repeats a
 * cycle of under LOOP_SHARE × LOOP_SAMPLES words. Such a reply is long, and its length would carry it. Of
 * the dev files' 7,120 replies one falls under it (0.02, a list of one word repeated that the judge gave
 * nothing); the next, song lyrics with a refrain, reads 0.21. The samples keep the cost the same for a
 * reply of any length.
 */
const LOOP_SHARE = 0.15
const LOOP_MIN_WORDS = 60
const LOOP_SAMPLES = 100
/** About the last 200 words. */
const LOOP_TAIL_CHARS = 1200

/**
 * A first look at this many runs: a cycle of fewer words than LOOP_SHARE × LOOP_SAMPLES cannot give them
 * all different, so a stretch where they are is no loop and needs no closer reading (nearly every answer).
 */
const LOOP_GLANCE = Math.ceil(LOOP_SHARE * LOOP_SAMPLES) + 1

function loops (text: string): boolean {
  if (wordsUpTo(text, LOOP_MIN_WORDS) < LOOP_MIN_WORDS) return false
  if (loopsIn(text, 0, text.length)) return true
  // A reply that starts well and then loops: its tail alone, when the whole did not already read it closely.
  return text.length > 2 * LOOP_TAIL_CHARS && loopsIn(text, text.length - LOOP_TAIL_CHARS, text.length)
}

function loopsIn (text: string, from: number, to: number): boolean {
  const glance = readRuns(text, from, to, LOOP_GLANCE)
  if (glance.distinct === glance.read) return false
  const close = readRuns(text, from, to, LOOP_SAMPLES)
  return close.read >= LOOP_MIN_WORDS / 2 && close.distinct < LOOP_SHARE * close.read
}

// The distinct runs of one reading, in an open-addressing table of hashes reused from call to call: a slot
// holds a hash of this reading when its stamp is the reading's.
const RUN_SLOTS = 1024
const runHash = new Int32Array(RUN_SLOTS)
const runStamp = new Int32Array(RUN_SLOTS)
let reading = 0

/** Adds the hash to this reading's table; true when it was not there yet. */
function addRun (hash: number): boolean {
  let slot = hash & (RUN_SLOTS - 1)
  while (runStamp[slot] === reading) {
    if (runHash[slot] === hash) return false
    slot = (slot + 1) & (RUN_SLOTS - 1)
  }
  runStamp[slot] = reading
  runHash[slot] = hash
  return true
}

const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c > 127

/**
 * The runs of three words starting at up to `samples` word starts spread over text[from, to): how many
 * were read and how many of them are distinct (case aside; each run hashed, not cut out).
 */
function readRuns (text: string, from: number, to: number, samples: number): { read: number, distinct: number } {
  reading = reading === 0x7fffffff ? 1 : reading + 1
  let distinct = 0
  let read = 0
  let last = -1
  const step = (to - from) / samples
  for (let k = 0; k < samples; k++) {
    // The first word start at or after the sample point.
    let i = Math.floor(from + k * step)
    if (i > from && isWordChar(text.charCodeAt(i - 1))) while (i < to && isWordChar(text.charCodeAt(i))) i++
    while (i < to && !isWordChar(text.charCodeAt(i))) i++
    if (i >= to || i === last) continue
    last = i
    let hash = 0x811c9dc5 | 0
    let words = 0
    while (i < to && words < 3) {
      const c = text.charCodeAt(i++)
      if (isWordChar(c)) {
        hash = Math.imul(hash ^ (c >= 65 && c <= 90 ? c + 32 : c), 16777619)
      } else if (isWordChar(text.charCodeAt(i - 2))) {
        words++
        hash = Math.imul(hash ^ 32, 16777619)
      }
    }
    if (words < 3 && i >= to) continue
    if (addRun(hash)) distinct++
    read++
  }
  return { read, distinct }
}
