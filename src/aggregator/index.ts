// aggregate(): filter, score and consolidate the candidates of one question into one decision.

import type { AggregateOptions, CandidateInput, CandidateVerdict, Decision, Strategy } from './types.js'
import { extractFinalAnswer } from './extract.js'
import {
  applyHardFilters, markDuplicates, markOffTopic, markOutliers, markTruncated, type WorkingCandidate
} from './filters.js'
import { NEUTRAL_CONSENSUS, priorScore, qualityScore, relevanceScore, totalScore } from './scores.js'
import { similarityMatrix, tfidfVectors } from './similarity.js'
import { groupId, pickBest, pickConsensus, pickFastest, pickVote } from './strategies.js'
import { contentTokens, wordCount } from './text.js'
import { LOW_COVERAGE_CAP, freeTextConfidence, singleSourceConfidence, voteConfidence } from './confidence.js'

export type { AggregateOptions, CandidateInput, CandidateVerdict, Decision, Strategy } from './types.js'
export { STRATEGIES } from './types.js'
export { extractFinalAnswer, parseNumber, canonicalNumber } from './extract.js'
export { detectRefusal } from './refusal.js'
export { buildSynthesisPrompt } from './synthesis.js'
export { TOTAL_WEIGHTS } from './scores.js'

/**
 * For short answers, similarity blends wording with whether the final answers match: two
 * solutions that reach 18 by different words agree more than two that word it alike and differ.
 */
const SHORT_ANSWER_MATCH_WEIGHT = 0.5

/** Pure and deterministic: the same question, candidates and options always give the same decision. */
export function aggregate (question: string, candidates: readonly CandidateInput[], options: AggregateOptions): Decision {
  const maxWeight = candidates.reduce((max, c) => Math.max(max, c.weight ?? 1), 0)
  const questionTokens = new Set(contentTokens(question))

  const all: WorkingCandidate[] = candidates.map((input, index) => ({
    index,
    input,
    flags: [],
    filtered: null,
    tokens: [],
    words: 0,
    extracted: null,
    relevance: 0,
    quality: 0,
    prior: 0,
    consensus: 0,
    total: 0,
    voteWeight: 0
  }))
  for (const candidate of all) {
    applyHardFilters(candidate)
    candidate.prior = priorScore(candidate.input, maxWeight)
  }

  const answered = all.filter(c => c.filtered === null)
  for (const candidate of answered) {
    const { text, finishReason, lowCoverage } = candidate.input
    candidate.tokens = contentTokens(text)
    candidate.words = wordCount(text)
    candidate.extracted = extractFinalAnswer(text)
    candidate.relevance = relevanceScore(questionTokens, candidate.tokens, candidate.words)
    candidate.quality = qualityScore({
      text, finishReason, words: candidate.words, disclaimer: candidate.flags.includes('disclaimer'), lowCoverage: lowCoverage === true
    })
    candidate.voteWeight = Math.max(candidate.prior, 0.01) * (0.5 + 0.5 * candidate.quality)
  }
  markDuplicates(answered)
  markOffTopic(answered, questionTokens.size)
  markTruncated(answered)

  const requested = options.strategy
  const active = (): WorkingCandidate[] => answered.filter(c => c.filtered === null)
  const explicitCount = active().filter(c => c.extracted?.explicit === true).length
  const extractedCount = active().filter(c => c.extracted !== null).length
  // auto: short when at least half of the answers commit to a marked short answer;
  // an explicit vote also accepts the last-number fallback.
  const short = requested === 'vote'
    ? extractedCount > 0
    : explicitCount > 0 && explicitCount * 2 >= active().length
  if (!short || requested !== 'vote') {
    for (const candidate of answered) {
      if (candidate.extracted !== null && !candidate.extracted.explicit) candidate.extracted = null
    }
  }

  const matrix = similarityMatrix(tfidfVectors(answered.map(c => c.tokens)))
  const similarity = (a: number, b: number): number => {
    const text = matrix[a][b]
    if (!short) return text
    const x = answered[a].extracted
    const y = answered[b].extracted
    const match = x !== null && y !== null && x.kind === y.kind && x.key === y.key ? 1 : 0
    return (1 - SHORT_ANSWER_MATCH_WEIGHT) * text + SHORT_ANSWER_MATCH_WEIGHT * match
  }
  const position = new Map(answered.map((c, i) => [c, i]))
  const scoreConsensus = (): void => {
    const pool = active()
    for (const candidate of answered) {
      const i = position.get(candidate) as number
      const others = pool.filter(c => c !== candidate)
      candidate.consensus = others.length === 0
        ? (candidate.filtered === null ? NEUTRAL_CONSENSUS : 0)
        : others.reduce((sum, c) => sum + similarity(i, position.get(c) as number), 0) / others.length
    }
  }
  scoreConsensus()
  markOutliers(answered, !short)
  scoreConsensus()
  for (const candidate of all) {
    candidate.total = candidate.filtered === null || answered.includes(candidate)
      ? totalScore(candidate.consensus, candidate.relevance, candidate.quality, candidate.prior)
      : 0
  }

  const pool = active()
  let used: Decision['strategy']
  let chosen: WorkingCandidate | null
  if (requested === 'vote' || (requested === 'auto' && short)) {
    const vote = pickVote(pool)
    used = vote === null ? 'consensus' : 'vote'
    chosen = vote === null ? pickConsensus(pool) : vote.chosen
  } else if (requested === 'best') {
    used = 'best'
    chosen = pickBest(pool)
  } else if (requested === 'fastest') {
    used = 'fastest'
    chosen = pickFastest(pool)
  } else {
    // synthesize needs a model call, which is the service's job; here it is the consensus it falls back to.
    used = 'consensus'
    chosen = pickConsensus(pool)
  }

  const normalized = short && chosen !== null && chosen.extracted !== null ? chosen.extracted.key : null
  const { confidence, agreement } = chosen === null
    ? { confidence: 0, agreement: null }
    : assess(chosen, pool, short, position, similarity)
  return {
    answer: chosen === null ? '' : chosen.input.text,
    strategy: used,
    confidence,
    agreement,
    chosen: chosen === null ? null : { provider: chosen.input.provider, model: chosen.input.model },
    normalized,
    answerType: normalized === null ? 'free' : 'short',
    candidates: all.map(verdict)
  }
}

interface Assessment {
  confidence: number
  agreement: number | null
}

function assess (
  chosen: WorkingCandidate,
  pool: readonly WorkingCandidate[],
  short: boolean,
  position: ReadonlyMap<WorkingCandidate, number>,
  similarity: (a: number, b: number) => number
): Assessment {
  let confidence: number
  let agreement: number | null = null
  if (pool.length === 1) {
    confidence = singleSourceConfidence(chosen.quality, chosen.relevance)
  } else if (short && chosen.extracted !== null) {
    const id = groupId(chosen)
    const total = pool.reduce((sum, c) => sum + c.voteWeight, 0)
    const agreeing = pool.filter(c => groupId(c) === id)
    agreement = agreeing.reduce((sum, c) => sum + c.voteWeight, 0) / total
    confidence = voteConfidence(agreement, agreeing.length)
  } else {
    const i = position.get(chosen) as number
    const others = pool.filter(c => c !== chosen)
    const weight = others.reduce((sum, c) => sum + c.voteWeight, 0)
    agreement = others.reduce((sum, c) => sum + c.voteWeight * similarity(i, position.get(c) as number), 0) / weight
    confidence = freeTextConfidence(agreement, pool.length, chosen.quality)
  }
  if (chosen.input.lowCoverage === true) confidence = Math.min(confidence, LOW_COVERAGE_CAP)
  return { confidence: round(confidence), agreement: agreement === null ? null : round(agreement) }
}

function round (value: number): number {
  return Math.round(value * 10_000) / 10_000
}

function verdict (candidate: WorkingCandidate): CandidateVerdict {
  return {
    provider: candidate.input.provider,
    scores: {
      consensus: round(candidate.consensus),
      relevance: round(candidate.relevance),
      quality: round(candidate.quality),
      prior: round(candidate.prior),
      total: round(candidate.total)
    },
    flags: [...candidate.flags],
    filtered: candidate.filtered,
    extracted: candidate.extracted === null ? null : candidate.extracted.key
  }
}
