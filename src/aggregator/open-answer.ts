// Label-free evidence about open answers: the form of an answer (length, paragraphs, lists, an
// introduced list) compared with the other answers to the same question.

import { wordCount } from './text.js'

/** Caps keep one sprawling answer from dominating the comparison. */
const MAX_PARAGRAPHS = 10
const MAX_ITEMS = 10
const LIST_ITEM = /(?:^|\n)[ \t]*(?:\d+[.)]|[-*•])\s/g
/**
 * Weights of each standardised feature. On the AlpacaEval dev fixture (10 models, judge preferences),
 * the per-model means of paragraphs (Spearman 0.84 with the judge's win rate), of an introduced
 * list (0.68), of log length (0.59) and of list items (0.56) rank the models best; agreement with the
 * other answers is a weaker signal (0.30) and gets half a weight.
 */
export const OPEN_SIGNAL_WEIGHTS = { length: 1, paragraphs: 1, items: 0.5, introduced: 0.5, agreement: 0.5 } as const

export interface FormFeatures {
  length: number
  paragraphs: number
  items: number
  introduced: number
}

export function formFeatures (text: string, words = wordCount(text)): FormFeatures {
  return {
    length: Math.log1p(words),
    paragraphs: Math.min(text.split(/\n\s*\n/).length, MAX_PARAGRAPHS),
    items: Math.min(text.match(LIST_ITEM)?.length ?? 0, MAX_ITEMS),
    introduced: /:[ \t]*\n/.test(text) ? 1 : 0
  }
}

/** Standard scores within one question (0 for every value when they are all equal). */
export function standardise (values: readonly number[]): number[] {
  const n = values.length
  if (n === 0) return []
  const mean = values.reduce((a, b) => a + b, 0) / n
  const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / n)
  return values.map(v => (sd > 1e-9 ? (v - mean) / sd : 0))
}

/**
 * Each answer's standing among the answers to the same question, as a z-score: positive when its
 * form and agreement beat the others'. Alone it is weak evidence; averaged over many questions per
 * provider (src/trust/) it tells which provider writes the better answers.
 */
export function openAnswerSignals (features: readonly FormFeatures[], agreement: readonly number[]): number[] {
  const w = OPEN_SIGNAL_WEIGHTS
  const length = standardise(features.map(f => f.length))
  const paragraphs = standardise(features.map(f => f.paragraphs))
  const items = standardise(features.map(f => f.items))
  const introduced = standardise(features.map(f => f.introduced))
  const agree = standardise(agreement)
  return standardise(features.map((_, i) =>
    w.length * length[i] + w.paragraphs * paragraphs[i] + w.items * items[i] + w.introduced * introduced[i] + w.agreement * agree[i]))
}
