// Filters: each sets a flag; hard ones always remove the candidate, soft ones only while a better one remains.

import type { CandidateInput, Flag } from './types.js'
import type { ExtractedAnswer } from './extract.js'
import { detectRefusal } from './refusal.js'

/** What the pipeline knows about one candidate while it decides. */
export interface WorkingCandidate {
  index: number
  input: CandidateInput
  flags: Flag[]
  filtered: string | null
  /** Content tokens (folded, stemmed, no stop words). */
  tokens: string[]
  words: number
  extracted: ExtractedAnswer | null
  relevance: number
  quality: number
  prior: number
  consensus: number
  total: number
  /** Weight in votes and weighted agreement: prior × (0.5 + 0.5·quality). */
  voteWeight: number
}

export function addFlag (candidate: WorkingCandidate, flag: Flag): void {
  if (!candidate.flags.includes(flag)) candidate.flags.push(flag)
}

/** Removal that overrides nothing already decided: the first reason found is the one reported. */
function remove (candidate: WorkingCandidate, reason: string): void {
  if (candidate.filtered === null) candidate.filtered = reason
}

/**
 * Failed calls, empty texts and refusals. A text withheld by the provider's content filter counts
 * as a refusal; a refusal phrase followed by a real answer is only a 'disclaimer' (soft penalty).
 */
export function applyHardFilters (candidate: WorkingCandidate): void {
  const { input } = candidate
  if (input.status !== 'ok') {
    addFlag(candidate, input.status === 'skipped' ? 'skipped' : 'error')
    remove(candidate, input.errorClass ?? input.status)
    return
  }
  if (input.text.trim() === '') {
    addFlag(candidate, 'empty')
    remove(candidate, 'empty')
    return
  }
  if (input.finishReason === 'content_filter') {
    addFlag(candidate, 'refusal')
    remove(candidate, 'refusal')
    return
  }
  const refusal = detectRefusal(input.text)
  if (refusal === 'refusal') {
    addFlag(candidate, 'refusal')
    remove(candidate, 'refusal')
    return
  }
  if (refusal === 'disclaimer') addFlag(candidate, 'disclaimer')
  if (input.finishReason === 'length') addFlag(candidate, 'truncated')
  if (input.lowCoverage === true) addFlag(candidate, 'low_coverage')
}

/** Long texts only: two providers agreeing on "18" is evidence, two identical essays are one model twice. */
const DUPLICATE_MIN_WORDS = 8

/** A later candidate whose text equals an earlier one's (same model behind two providers) adds no independent evidence. */
export function markDuplicates (pool: readonly WorkingCandidate[]): void {
  const seen = new Set<string>()
  for (const candidate of pool) {
    if (candidate.filtered !== null || candidate.words < DUPLICATE_MIN_WORDS) continue
    const key = candidate.input.text.trim()
    if (seen.has(key)) {
      addFlag(candidate, 'duplicate')
      remove(candidate, 'duplicate')
    } else {
      seen.add(key)
    }
  }
}

/** Below this share of the question's words, a long answer is about something else. */
export const OFF_TOPIC_RELEVANCE = 0.1
const OFF_TOPIC_MIN_WORDS = 20
const OFF_TOPIC_MIN_QUESTION_TOKENS = 3

/**
 * Flags long answers that use almost none of the question's content words, and removes them when
 * an on-topic answer exists (when all are "off topic" the question is more likely paraphrased).
 */
export function markOffTopic (pool: readonly WorkingCandidate[], questionTokenCount: number): void {
  if (questionTokenCount < OFF_TOPIC_MIN_QUESTION_TOKENS) return
  const offTopic = pool.filter(c => c.filtered === null && c.words >= OFF_TOPIC_MIN_WORDS && c.relevance < OFF_TOPIC_RELEVANCE)
  for (const candidate of offTopic) addFlag(candidate, 'off_topic')
  if (offTopic.length < pool.filter(c => c.filtered === null).length) {
    for (const candidate of offTopic) remove(candidate, 'off_topic')
  }
}

/** A cut-off answer is left out while a complete one exists; alone, it is better than nothing. */
export function markTruncated (pool: readonly WorkingCandidate[]): void {
  const active = pool.filter(c => c.filtered === null)
  const truncated = active.filter(c => c.flags.includes('truncated'))
  if (truncated.length > 0 && truncated.length < active.length) {
    for (const candidate of truncated) remove(candidate, 'truncated')
  }
}

/** Far below the others' agreement: under this share of the median and this far beneath it. */
const OUTLIER_RATIO = 0.5
const OUTLIER_GAP = 0.1

/**
 * Flags answers whose consensus is far below the rest (needs three or more answers to say who is
 * the odd one out). Removed only for free text: for short answers dissent is what the vote counts.
 */
export function markOutliers (pool: readonly WorkingCandidate[], removeThem: boolean): void {
  const active = pool.filter(c => c.filtered === null)
  if (active.length < 3) return
  const sorted = active.map(c => c.consensus).sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  for (const candidate of active) {
    if (candidate.consensus < OUTLIER_RATIO * median && candidate.consensus < median - OUTLIER_GAP) {
      addFlag(candidate, 'outlier')
      if (removeThem) remove(candidate, 'outlier')
    }
  }
}
