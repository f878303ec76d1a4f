// Filters: each sets a flag; hard ones always remove the candidate, soft ones only while a better one remains.

import type { CandidateInput, Flag } from './types.js'
import type { ExtractedAnswer } from './extract.js'
import { detectRefusal } from './refusal.js'
import { detectJunk } from './junk.js'
import { languageMarkers } from './text.js'
import type { ExpectedAnswer } from './question-type.js'

/** What the pipeline knows about one candidate while it decides. */
export interface WorkingCandidate {
  index: number
  input: CandidateInput
  flags: Flag[]
  filtered: string | null
  /** Content tokens (folded, stemmed, no stop words) and how often each occurs, in order of first occurrence. */
  counts: Map<string, number>
  words: number
  extracted: ExtractedAnswer | null
  relevance: number
  quality: number
  prior: number
  consensus: number
  total: number
  /** Weight in votes and weighted agreement: prior × (0.5 + 0.5·quality). */
  voteWeight: number
  /** Why it was filtered, in plain words, where the reason needs more than its name ('junk', some 'empty'). */
  why?: string
}

export function addFlag (candidate: WorkingCandidate, flag: Flag): void {
  if (!candidate.flags.includes(flag)) candidate.flags.push(flag)
}

/** Removal that overrides nothing already decided: the first reason found is the one reported. */
function remove (candidate: WorkingCandidate, reason: string): void {
  if (candidate.filtered === null) candidate.filtered = reason
}

/**
 * Failed calls, empty texts, junk (error texts relayed as answers, one-word replies to open
 * questions) and full refusals. A refusal stays 'refusal' here; whether it is left out or becomes
 * the answer (most providers declined) is decided once every candidate is classified.
 */
export function applyHardFilters (candidate: WorkingCandidate, expected: ExpectedAnswer): void {
  const { input } = candidate
  if (input.status !== 'ok') {
    addFlag(candidate, input.status === 'skipped' ? 'skipped' : 'error')
    remove(candidate, input.errorClass ?? input.status)
    return
  }
  if (input.text.trim() === '') {
    if (input.finishReason === 'length') candidate.why ??= 'its reply was cut off before any answer'
    addFlag(candidate, 'empty')
    remove(candidate, 'empty')
    return
  }
  if (input.finishReason === 'content_filter') {
    addFlag(candidate, 'refusal')
    remove(candidate, 'refusal')
    return
  }
  const junk = detectJunk(input.text, expected)
  if (junk !== null) {
    addFlag(candidate, 'junk')
    remove(candidate, 'junk')
    candidate.why = junk
    return
  }
  const refusal = detectRefusal(input.text)
  if (refusal === 'refusal') {
    addFlag(candidate, 'refusal')
    remove(candidate, 'refusal')
    return
  }
  if (refusal === 'partial') addFlag(candidate, 'partial_refusal')
  if (refusal === 'disclaimer') addFlag(candidate, 'disclaimer')
  if (input.finishReason === 'length') addFlag(candidate, 'truncated')
  if (input.lowCoverage === true) addFlag(candidate, 'low_coverage')
}

/**
 * The same provider answering twice (a hedged or retried call that both returned) is one voice.
 * Different providers saying the same thing is agreement, and counts as such.
 */
export function markDuplicates (pool: readonly WorkingCandidate[]): void {
  const seen = new Set<string>()
  for (const candidate of pool) {
    if (candidate.filtered !== null) continue
    if (seen.has(candidate.input.provider)) {
      addFlag(candidate, 'duplicate')
      remove(candidate, 'duplicate')
    } else {
      seen.add(candidate.input.provider)
    }
  }
}

/** An answer that shares none of the question's content words and little with the other answers is about something else. */
export const OFF_TOPIC_RELEVANCE = 0.05
const OFF_TOPIC_MIN_WORDS = 20
const OFF_TOPIC_MIN_QUESTION_TOKENS = 4
/** Its agreement with the others is under this share of theirs with each other. */
const OFF_TOPIC_AGREEMENT_RATIO = 0.35

/**
 * Removes long answers that clearly address another question: almost none of the question's
 * content words and far less agreement with the other answers than they have among themselves.
 * Paraphrases, lists and role-play share the others' vocabulary, so they are never caught; with
 * fewer than two other answers there is nothing to compare with, and nothing is removed.
 */
export function markOffTopic (pool: readonly WorkingCandidate[], questionTokenCount: number, similarity: (a: WorkingCandidate, b: WorkingCandidate) => number): void {
  if (questionTokenCount < OFF_TOPIC_MIN_QUESTION_TOKENS) return
  const active = pool.filter(c => c.filtered === null)
  if (active.length < 3) return
  const suspects = active.filter(c => c.words >= OFF_TOPIC_MIN_WORDS && c.relevance < OFF_TOPIC_RELEVANCE)
  for (const candidate of suspects) {
    const others = active.filter(c => c !== candidate && !suspects.includes(c))
    if (others.length < 2) continue
    const mine = others.reduce((sum, c) => sum + similarity(candidate, c), 0) / others.length
    let theirs = 0
    let pairs = 0
    for (let i = 0; i < others.length; i++) {
      for (let j = i + 1; j < others.length; j++) {
        theirs += similarity(others[i], others[j])
        pairs++
      }
    }
    if (mine < OFF_TOPIC_AGREEMENT_RATIO * (theirs / pairs)) {
      addFlag(candidate, 'off_topic')
      remove(candidate, 'off_topic')
    }
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

/** A question's language is plain from this lead of one language's words over the other's; an answer's from this lead and share. */
const QUESTION_LANGUAGE_LEAD = 2
const ANSWER_LANGUAGE_LEAD = 5
const ANSWER_LANGUAGE_SHARE = 0.75
/** Reading an answer stops once one language leads by this much (ANSWER_LANGUAGE_LEAD twice over). */
const DECISIVE_LEAD = 10

/** A question that asks for a translation, or for an answer in a language it names, is answered in that one. */
const NAMES_A_LANGUAGE = /\b(?:translat|tradu[zcç]|portugu|english|ingl[eê]s|spanish|espanhol|french|franc[eê]s|german|alem[aã]o|italian|italiano|japanese|japon[eê]s|chinese|chin[eê]s|language|idioma|l[ií]ngua)/i

function languageOf (markers: { pt: number, en: number }, lead: number, share = 0.5): 'pt' | 'en' | null {
  const total = markers.pt + markers.en
  if (markers.pt - markers.en >= lead && markers.pt >= share * total) return 'pt'
  if (markers.en - markers.pt >= lead && markers.en >= share * total) return 'en'
  return null
}

/**
 * An answer written in the other language than the question's (a small model answering a Portuguese
 * question in English, though told not to) is left out while one in the student's language remains.
 * Only where both languages are plain: a short or code-heavy answer, or a question of a few names, says too little.
 */
export function markWrongLanguage (pool: readonly WorkingCandidate[], question: string): void {
  if (NAMES_A_LANGUAGE.test(question)) return
  const asked = languageOf(languageMarkers(question), QUESTION_LANGUAGE_LEAD)
  if (asked === null) return
  const active = pool.filter(c => c.filtered === null)
  const written = new Map(active.map(c => [c, languageOf(languageMarkers(c.input.text, DECISIVE_LEAD), ANSWER_LANGUAGE_LEAD, ANSWER_LANGUAGE_SHARE)]))
  if (![...written.values()].includes(asked)) return
  for (const [candidate, language] of written) {
    if (language === null || language === asked) continue
    addFlag(candidate, 'wrong_language')
    remove(candidate, 'wrong_language')
  }
}

/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
export function median (values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Far below the others' agreement: under this share of the median and this far beneath it. */
const OUTLIER_RATIO = 0.5
const OUTLIER_GAP = 0.1

/**
 * Flags answers whose consensus is far below the rest (needs three or more answers to say who is
 * the odd one out). Removed only for free text: for short answers dissent is what the vote counts.
 * A free-text outlier that `saysMore` (it covers what the others say, and goes on) stays in: on open
 * requests the best answer is often the one that agrees least, because it is the fullest, while one
 * about something else covers little of the others.
 */
export function markOutliers (
  pool: readonly WorkingCandidate[],
  removeThem: boolean,
  saysMore: (candidate: WorkingCandidate, active: readonly WorkingCandidate[]) => boolean = () => false
): void {
  const active = pool.filter(c => c.filtered === null)
  if (active.length < 3) return
  const middle = median(active.map(c => c.consensus))
  for (const candidate of active) {
    if (candidate.consensus < OUTLIER_RATIO * middle && candidate.consensus < middle - OUTLIER_GAP) {
      addFlag(candidate, 'outlier')
      if (removeThem && !saysMore(candidate, active)) remove(candidate, 'outlier')
    }
  }
}
