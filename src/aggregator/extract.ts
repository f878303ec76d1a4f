// Final-answer extraction for voting: finds the short answer a model committed to and canonicalises it.

import { foldAccents, isStopWord, tokenize, wordCount, wordsUpTo } from './text.js'

export type AnswerKind = 'number' | 'option' | 'yesno' | 'phrase'

export interface ExtractedAnswer {
  /** Canonical value: "18", "0.5", "B", "yes", "no", "amazon s3". */
  key: string
  kind: AnswerKind
  /**
   * True when the model marked the answer ("A: 18", "The answer is", bold, a bare short reply);
   * false for the last-number fallback, which only an explicit `vote` request relies on.
   */
  explicit: boolean
  /**
   * True when the answer carries a final-answer marker ("####", \\boxed{}, "Answer:", "the answer is"):
   * the only kind that makes an open-looking question a short-answer one.
   */
  marked?: boolean
}

const ANY_DIGIT = /[0-9]/
const NUMBER = /(?<![\p{L}\d.,]|\p{L}-)([-−])?\s?(r\$|us\$|\$|€|£)?\s?([-−])?(\d[\d.,]*\d|\d|[.,]\d+)(?:\s?\/\s?(\d+))?(?![\p{L}\d])/giu

/**
 * Every number in the text, in order. Reads "1,234.56", "R$ 1.234,56", "18,00", "18.0", "1/2" and
 * "-5". A lone comma followed by three digits is a thousands separator ("18,000" is eighteen
 * thousand in English prices and in most model outputs); after "R$" a lone dot with three digits is
 * one too. Version-like strings ("1.2.3") are not numbers.
 */
export function numbersIn (text: string): number[] {
  const out: number[] = []
  // Every number has an ASCII digit: a text without one is not searched with the pattern.
  if (!ANY_DIGIT.test(text)) return out
  for (const match of text.matchAll(NUMBER)) {
    const value = parseDigits(match[4], match[2]?.toLowerCase() === 'r$')
    if (value === null) continue
    const denominator = match[5] === undefined ? 1 : Number(match[5])
    if (denominator === 0) continue
    const negative = match[1] !== undefined || match[3] !== undefined
    out.push((negative ? -value : value) / denominator)
  }
  return out
}

/** The first number of the text, or null. */
export function parseNumber (text: string): number | null {
  return numbersIn(text)[0] ?? null
}

function parseDigits (digits: string, brazilianCurrency: boolean): number | null {
  if (digits.startsWith('.') || digits.startsWith(',')) return Number('0.' + digits.slice(1))
  const hasDot = digits.includes('.')
  const hasComma = digits.includes(',')
  let normalised: string
  if (hasDot && hasComma) {
    const decimal = digits.lastIndexOf('.') > digits.lastIndexOf(',') ? '.' : ','
    const thousands = decimal === '.' ? ',' : '.'
    normalised = digits.split(thousands).join('').replace(decimal, '.')
  } else if (hasComma) {
    if (/^[1-9]\d{0,2}(?:,\d{3})+$/.test(digits)) normalised = digits.replace(/,/g, '')
    else if (/^\d+,\d+$/.test(digits)) normalised = digits.replace(',', '.')
    else return null
  } else if (hasDot) {
    if (/^[1-9]\d{0,2}(?:\.\d{3}){2,}$/.test(digits) || (brazilianCurrency && /^[1-9]\d{0,2}\.\d{3}$/.test(digits))) normalised = digits.replace(/\./g, '')
    else if (/^\d+\.\d+$/.test(digits)) normalised = digits
    else return null
  } else {
    normalised = digits
  }
  const value = Number(normalised)
  return Number.isFinite(value) ? value : null
}

/** Up to six decimals, no trailing zeros, no "-0": 18.0 → "18", 0.5 → "0.5". */
export function canonicalNumber (value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6
  return Object.is(rounded, -0) ? '0' : String(rounded)
}

const YES_NO = /^(yes|no|sim|nao|true|false|verdadeiro|falso)\b/
const YES_WORDS = new Set(['yes', 'sim', 'true', 'verdadeiro'])
const OPTION_WORDS = /^(?:letter|letra|option|opcao|alternativa|alternative|choice|item)\s*\(?([a-e])\)?(?![\p{L}\d])/u
const OPTION_PAREN = /^\(([a-e])\)(?![\p{L}\d])/u
const OPTION_BARE = /^([A-E])(?:\)|\.(?=\s|$)|:(?=\s|$)|\s+[-–—]\s|\s*$)/
const LEADING_NUMBER = /^[-−]?\s?(?:r\$|us\$|\$|€|£)?\s?[-−]?[\d.,]/i
const LEADING_ARTICLE = /^(?:the|an?|os?|as|uma?)\s+/
const ARTICLES = new Set(['the', 'a', 'an', 'o', 'os', 'as', 'um', 'uma'])

/**
 * Canonicalises one stated value. Phrases are accepted only when `allowPhrase`, short, and not a
 * clause ("that it depends on ..."), so free-text answers are not mistaken for short ones.
 */
export function parseValue (raw: string, explicit: boolean, allowPhrase: boolean): ExtractedAnswer | null {
  const stripped = raw.replace(/[*_`]/g, '').replace(/^[\s"'“”‘’]+|[\s"'“”‘’.!;:,]+$/g, '').trim()
  if (stripped === '') return null
  const folded = foldAccents(stripped)
  const yesNo = YES_NO.exec(folded)
  if (yesNo !== null && (wordCount(folded) <= 4 || /^\w+\s*[,.;:!—–-]/.test(folded))) {
    return { key: YES_WORDS.has(yesNo[1]) ? 'yes' : 'no', kind: 'yesno', explicit }
  }
  const option = OPTION_WORDS.exec(folded.replace(LEADING_ARTICLE, '')) ?? OPTION_PAREN.exec(folded)
  if (option !== null) return { key: option[1].toUpperCase(), kind: 'option', explicit }
  // A lone letter is an option even when the text around it was folded to lower case.
  if (/^[a-e]$/.test(folded)) return { key: folded.toUpperCase(), kind: 'option', explicit }
  const bare = OPTION_BARE.exec(stripped)
  if (bare !== null) return { key: bare[1], kind: 'option', explicit }
  // "Answer: it depends on 3 factors ..." is a sentence, not the number 3.
  const number = wordCount(stripped) <= 6 || LEADING_NUMBER.test(stripped) ? parseNumber(stripped) : null
  if (number !== null) return { key: canonicalNumber(number), kind: 'number', explicit }
  if (!allowPhrase) return null
  const words = tokenize(stripped)
  while (words.length > 0 && ARTICLES.has(words[0])) words.shift()
  if (words.length === 0 || words.length > 4 || isStopWord(words[0])) return null
  return { key: words.join(' '), kind: 'phrase', explicit }
}

const MARKER_LINE = /^[\s*_#>-]*(?:final answer|answer|ans|resposta final|resposta|a|r)[\s*_]*[:：=][\s*_]*(.+)$/i
const ANSWER_IS = /(?:final answer is|answer is|resposta (?:final |correta )?e|correct (?:option|choice|alternative) is|alternativa correta e|opcao correta e)\s*:?\s*(.+?)(?:[.;!?](?=\s|$)|\n|$)/g
const BOLD = /\*\*([^*\n]{1,60})\*\*/g
const OPTION_IN_LINE = /(?:\b(?:letter|letra|option|opcao|alternativa|alternative|choice)\s*\(?([a-e])\)?(?![\p{L}\d]))|(?:^\(([a-e])\)(?![\p{L}\d]))/u
const LEADING_YES_NO = /^[\s*_"“]*(yes|no|sim|nao)(?:\s*[,.!:;—–-]|\s*$)/

/** Texts longer than this are searched at their ends only: the final answer opens or closes an answer. */
const HEAD_CHARS = 400
const TAIL_CHARS = 2000

/** Notes that the value came with a final-answer marker. */
function marked (value: ExtractedAnswer | null): ExtractedAnswer | null {
  if (value !== null) value.marked = true
  return value
}

/**
 * The LaTeX models write answers in, as plain text: \frac{3}{4} is 3/4, \text{ dollars} its words,
 * 70{,}000 and \$ and \% what they print as, so that \boxed{\frac{1}{2}} holds one flat value.
 */
function plainLatex (text: string): string {
  if (!text.includes('\\') && !text.includes('{,}')) return text
  return text
    .replace(/\\[dt]?frac\{\s*(-?\d+(?:\.\d+)?)\s*\}\{\s*(\d+)\s*\}/g, '$1/$2')
    .replace(/\\(?:text|mathrm|textbf|mathbf)\{([^{}]*)\}/g, '$1')
    .replace(/\{,\}/g, ',')
    .replace(/\\([$%])/g, '$1')
}

/** The final short answer a candidate commits to, or null for free text. */
export function extractFinalAnswer (text: string): ExtractedAnswer | null {
  const trimmed = text.trim()
  const long = trimmed.length > HEAD_CHARS + TAIL_CHARS
  // GSM8K-style calculator annotations (<<3*4=12>>) repeat numbers the prose already states.
  const clean = plainLatex((long ? trimmed.slice(-TAIL_CHARS) : trimmed).replace(/<<[^<>]*>>/g, '')).trim()
  const head = long ? trimmed.slice(0, HEAD_CHARS) : clean
  if (clean === '') return null
  const lines = lastLines(clean, 3)
  const lastLine = lines[lines.length - 1]

  const boxed = [...clean.matchAll(/\\boxed\{([^{}]*)\}/g)].pop()
  if (boxed !== undefined) {
    const value = marked(parseValue(boxed[1], true, true))
    if (value !== null) return value
  }
  const hashes = [...clean.matchAll(/####\s*([^\n]+)/g)].pop()
  if (hashes !== undefined) {
    const value = marked(parseValue(hashes[1], true, true))
    if (value !== null) return value
  }
  for (const line of lines.reverse()) {
    const marker = MARKER_LINE.exec(line)
    if (marker !== null) {
      const value = marked(parseValue(marker[1], true, true))
      if (value !== null) return value
    }
  }
  const stated = lastStated(foldAccents(clean)) ?? (long ? lastStated(foldAccents(head)) : undefined)
  if (stated !== undefined) {
    const value = marked(parseValue(stated[1], true, true))
    if (value !== null) return value
  }
  const bold = [...lastLine.matchAll(BOLD)].pop()
  if (bold !== undefined) {
    const wholeLine = lastLine.replace(/[*_\s.!:]/g, '') === bold[1].replace(/[*_\s.!:]/g, '')
    const value = parseValue(bold[1], true, wholeLine)
    if (value !== null) return value
  }
  const option = optionInLine(foldAccents(lastLine)) ?? OPTION_BARE.exec(lastLine)
  if (option !== null) {
    const letter = (option[1] ?? option[2]) as string
    return { key: letter.toUpperCase(), kind: 'option', explicit: true }
  }
  if (!long && wordsUpTo(clean, 7) <= 6) {
    const value = parseValue(clean, true, true)
    if (value !== null) return value
  }
  const leading = LEADING_YES_NO.exec(foldAccents(head.slice(0, 40)))
  if (leading !== null) {
    return { key: leading[1] === 'yes' || leading[1] === 'sim' ? 'yes' : 'no', kind: 'yesno', explicit: true }
  }
  // A count or a step number in a list or a recipe ("5. Serve hot") is not an answer.
  if (LIST_ITEM.test(lastLine)) return null
  const lastNumber = lastNumberIn(lastLine) ?? lastNumberIn(clean.slice(-500).split(/\r?\n/).filter(line => !LIST_ITEM.test(line.trim())).join('\n'))
  return lastNumber === null ? null : { key: canonicalNumber(lastNumber), kind: 'number', explicit: false }
}

const LIST_ITEM = /^(?:\d+[.)]|[-*•]|#+)\s/

/**
 * The last `count` lines of the text that are not blank, trimmed, in order: the end of
 * `text.split(/\r?\n/).map(line => line.trim()).filter(line => line !== '')` (a '\r' before the line break is
 * trimmed away), read backwards from the end instead of splitting the whole text.
 */
function lastLines (text: string, count: number): string[] {
  const lines: string[] = []
  let end = text.length
  for (;;) {
    const start = end === 0 ? -1 : text.lastIndexOf('\n', end - 1)
    const line = text.slice(start + 1, end).trim()
    if (line !== '') lines.unshift(line)
    if (start === -1 || lines.length === count) return lines
    end = start
  }
}

/**
 * Words one of which OPTION_IN_LINE's first branch contains ("alternativ" for both spellings); its second
 * needs a '(' at the start. A line with neither is not searched with the pattern.
 */
const OPTION_CUES = ['letter', 'letra', 'option', 'opcao', 'alternativ', 'choice']

/** OPTION_IN_LINE.exec(folded), skipped where the pattern cannot match. */
function optionInLine (folded: string): RegExpExecArray | null {
  if (!folded.startsWith('(') && !OPTION_CUES.some(cue => folded.includes(cue))) return null
  return OPTION_IN_LINE.exec(folded)
}

/**
 * Every phrase ANSWER_IS matches contains one of these ("final answer is" and "answer is": "answer is";
 * "resposta ... e": "resposta"; "correct option is": "correct "; "alternativa/opcao correta e": "correta e"):
 * a text with none of them is not searched with the pattern.
 */
const ANSWER_IS_CUES = ['answer is', 'resposta', 'correct ', 'correta e']

/** The last "the answer is ..." statement of folded text, as `[...folded.matchAll(ANSWER_IS)].pop()`. */
function lastStated (folded: string): RegExpExecArray | undefined {
  if (!ANSWER_IS_CUES.some(cue => folded.includes(cue))) return undefined
  return [...folded.matchAll(ANSWER_IS)].pop()
}

function lastNumberIn (text: string): number | null {
  return numbersIn(text).pop() ?? null
}
