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
  return null
}
