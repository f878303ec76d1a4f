// Label-free evidence about open answers: the form of an answer (length, paragraphs, lists, an
// introduced list) compared with the other answers to the same question.

import { wordCount } from './text.js'

/** Caps keep one sprawling answer from dominating the comparison. */
const MAX_PARAGRAPHS = 10
const MAX_ITEMS = 10
const PARAGRAPH_BREAK = /\n\s*\n/g
/** A list item as it follows a line start: `(?:^|\n)[ \t]*(?:\d+[.)]|[-*•])\s` with the line start taken out. */
const ITEM_AFTER_LINE_START = /[ \t]*(?:\d+[.)]|[-*•])\s/y
const NEWLINE = 10
const TAB = 9
const SPACE = 32

/**
 * Matches of a global pattern that cannot match the empty string, counted no further than `cap`: the same
 * count as `text.match(pattern).length` capped, without collecting every match of a long answer.
 */
function countMatches (text: string, pattern: RegExp, cap: number): number {
  pattern.lastIndex = 0
  let count = 0
  while (count < cap && pattern.exec(text) !== null) count++
  pattern.lastIndex = 0
  return count
}

/**
 * List items, counted no further than `cap`: the count of `/(?:^|\n)[ \t]*(?:\d+[.)]|[-*•])\s/g` capped. A
 * match can only start at the text's start or at a line break, so the item pattern is tried there alone
 * (line breaks found by indexOf) instead of the whole pattern at every character of a long answer. Like
 * the global pattern, the search goes on where the last item ended (its \s may be the next line break).
 */
function countListItems (text: string, cap: number): number {
  const item = ITEM_AFTER_LINE_START
  let count = 0
  let from = 0
  item.lastIndex = 0
  if (item.test(text)) {
    count++
    from = item.lastIndex
  }
  while (count < cap) {
    const lineBreak = text.indexOf('\n', from)
    if (lineBreak === -1) break
    item.lastIndex = lineBreak + 1
    if (item.test(text)) {
      count++
      from = item.lastIndex
    } else {
      from = lineBreak + 1
    }
  }
  item.lastIndex = 0
  return count
}

/** Whether a line ends in a colon (`/:[ \t]*\n/`): the colons found by indexOf, each checked in place. */
function introducesList (text: string): boolean {
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let i = colon + 1
    while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i++
    if (text.charCodeAt(i) === NEWLINE) return true
  }
  return false
}

/**
 * Weights of each standardised feature. On the AlpacaEval dev fixture (10 models, judge preferences),
 * the per-model means of paragraphs (Spearman 0.84 with the judge's win rate), of an introduced
 * list (0.68), of log length (0.59) and of list items (0.56) rank the models best; agreement with the
 * other answers is a weaker signal (0.30) and gets half a weight. Coverage of what the other answers
 * say (vocabularyCoverage) tells the better answer to one question apart where agreement does not:
 * picking the answer that covers most, alone, wins 25.4 points over a random pick summed over the eight
 * dev ensembles, against 3.7 for the most agreeing answer and 24.8 for the rest of the standing; it
 * gets the same half weight as agreement.
 */
export const OPEN_SIGNAL_WEIGHTS = { length: 1, paragraphs: 1, items: 0.5, introduced: 0.5, agreement: 0.5, coverage: 0.5 } as const

export interface FormFeatures {
  length: number
  paragraphs: number
  items: number
  introduced: number
}

export function formFeatures (text: string, words = wordCount(text)): FormFeatures {
  return {
    length: Math.log1p(words),
    // text.split(/\n\s*\n/).length: one more paragraph than breaks between them.
    paragraphs: countMatches(text, PARAGRAPH_BREAK, MAX_PARAGRAPHS - 1) + 1,
    items: countListItems(text, MAX_ITEMS),
    introduced: introducesList(text) ? 1 : 0
  }
}

/**
 * Standard scores within one question. The spread is never taken below `floor`, a difference that
 * matters for that feature: with two answers of 43 and 44 words, plain z-scores would call one
 * "much longer" (+1 against −1).
 */
export function standardise (values: readonly number[], floor = 1e-9): number[] {
  const n = values.length
  if (n === 0) return []
  const mean = values.reduce((a, b) => a + b, 0) / n
  const sd = Math.max(floor, Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / n))
  return values.map(v => (v - mean) / sd)
}

/** Differences below these are noise: a third longer, two paragraphs, two list items, a tenth of agreement, a twentieth of coverage. */
const FLOORS = { length: 0.3, paragraphs: 2, items: 2, introduced: 0.5, agreement: 0.1, coverage: 0.05 } as const

/**
 * How much of what the other answers say each answer covers: of the distinct terms each other answer
 * uses, the share this one uses too, pooled over the others (a term three others use counts three
 * times). `shared[i][j]` is the number of distinct terms answers i and j share, `shared[i][i]` answer
 * i's own number (similarity.ts's compareAnswers). A thorough answer touches the points the others
 * make; one that agrees in wording but leaves points out covers less.
 */
export function vocabularyCoverage (shared: readonly (readonly number[])[]): number[] {
  return shared.map((row, i) => {
    let common = 0
    let others = 0
    for (let j = 0; j < row.length; j++) {
      if (j === i) continue
      common += row[j]
      others += shared[j][j]
    }
    return others === 0 ? 0 : common / others
  })
}

/** The standardised features of the answers to one question (one array per feature, an entry per answer). */
export type OpenAnswerColumns = Record<keyof typeof OPEN_SIGNAL_WEIGHTS, number[]>

/** Each feature standardised within the question, with its noise floor (what openAnswerSignals weighs). */
export function openAnswerColumns (features: readonly FormFeatures[], agreement: readonly number[], coverage: readonly number[]): OpenAnswerColumns {
  return {
    length: standardise(features.map(f => f.length), FLOORS.length),
    paragraphs: standardise(features.map(f => f.paragraphs), FLOORS.paragraphs),
    items: standardise(features.map(f => f.items), FLOORS.items),
    introduced: standardise(features.map(f => f.introduced), FLOORS.introduced),
    agreement: standardise(agreement, FLOORS.agreement),
    coverage: standardise(coverage, FLOORS.coverage)
  }
}

/**
 * Each answer's standing among the answers to the same question, as a z-score: positive when its
 * form, agreement and coverage (vocabularyCoverage) beat the others'. Alone it is weak evidence;
 * averaged over many questions per provider (src/trust/) it tells which provider writes the better answers.
 */
export function openAnswerSignals (features: readonly FormFeatures[], agreement: readonly number[], coverage: readonly number[]): number[] {
  const w = OPEN_SIGNAL_WEIGHTS
  const c = openAnswerColumns(features, agreement, coverage)
  // Scaled so that an answer one spread above the others on every feature stands at about +1.
  const total = w.length + w.paragraphs + w.items + w.introduced + w.agreement + w.coverage
  return features.map((_, i) =>
    (w.length * c.length[i] + w.paragraphs * c.paragraphs[i] + w.items * c.items[i] + w.introduced * c.introduced[i] +
      w.agreement * c.agreement[i] + w.coverage * c.coverage[i]) / (total / 2))
}
