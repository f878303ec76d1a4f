// aggregate(): filter, score and consolidate the candidates of one question into one decision.

import type { AggregateOptions, CandidateInput, CandidateVerdict, Decision, LearningSignal, ProviderReliability, Strategy } from './types.js'
import { extractFinalAnswer } from './extract.js'
import {
  addFlag, applyHardFilters, markDuplicates, markOffTopic, markOutliers, markTruncated, markWrongLanguage, median, type WorkingCandidate
} from './filters.js'
import { NEUTRAL_CONSENSUS, priorScore, qualityScore, relevanceScore, totalScore } from './scores.js'
import { compareAnswers } from './similarity.js'
import { groupId, pickBest, pickConsensus, pickFastest, pickVote } from './strategies.js'
import { wordCount } from './text.js'
import { analyseAnswer, contentTokens } from './analysis.js'
import { LOW_COVERAGE_CAP, SINGLE_SOURCE_CAP, evidenceOf, freeTextConfidence, lengthDifficulty, quantitiesOf, quantityCoverage, shortAnswerConfidence, singleSourceConfidence, votePosterior, workingShift } from './confidence.js'
import { checkSolution } from './solution-check.js'
import { formFeatures, openAnswerSignals, vocabularyCoverage } from './open-answer.js'
import { expectedAnswer } from './question-type.js'
import { separateReasoning } from './reasoning.js'
import { describeLeftOut } from './warnings.js'

export type { AggregateOptions, CandidateInput, CandidateVerdict, Decision, LearningSignal, ProviderReliability, Strategy } from './types.js'
export { STRATEGIES } from './types.js'
export { extractFinalAnswer, parseNumber, canonicalNumber } from './extract.js'
export { detectRefusal } from './refusal.js'
export { expectedAnswer } from './question-type.js'
export { buildSynthesisPrompt } from './synthesis.js'
export { TOTAL_WEIGHTS } from './scores.js'

/**
 * For short answers, similarity blends wording with whether the final answers match: two
 * solutions that reach 18 by different words agree more than two that word it alike and differ.
 */
const SHORT_ANSWER_MATCH_WEIGHT = 0.5
/** How much agreeing with the course notes moves a free-text answer's selection score. */
const EVIDENCE_WEIGHT = 0.3
/** Text similarity to the notes above which an answer counts as supported by them. */
const EVIDENCE_SUPPORT = 0.2
/** What is assumed of a provider nothing has been learned about yet. */
export const NEUTRAL_RELIABILITY: ProviderReliability = { accuracy: 0.6, quality: 0 }
/**
 * Free-text selection: the answer's own standing (z-score of form and agreement) plus this many
 * times its provider's learned quality. A provider that writes the better answers question after
 * question is trusted over one answer that merely looks good once. On the AlpacaEval dev fixture
 * both halves put it at 1.5 (docs/quality.md: 1 to 2.5 within 1.3 points summed over eight ensembles).
 */
export const RELIABILITY_WEIGHT = 1.5
/** People's ratings of a provider outweigh what agreement and form say of it. */
export const FEEDBACK_SELECTION_WEIGHT = 4
/**
 * Ratings say which provider writes the better answers; the label-free record only guesses it. Once
 * the answering providers have this many (decayed) ratings between them, the record counts half.
 */
export const RATINGS_TO_HALVE_RECORD = 10
/** How far agreeing or disagreeing with the course notes moves a free-text answer's selection score. */
const EVIDENCE_SELECTION = 0.5
/**
 * Answers a short-answer question could take: a wrong answer is one of many values, so agreement on
 * a wrong value is rare (the one-coin Dawid–Skene model with K classes).
 */
export const ANSWER_CLASSES = 10

function working (recorded: CandidateInput, index: number): WorkingCandidate {
  // The providers set a reasoning model's thinking aside as they read; replies recorded elsewhere may still hold it.
  const { answer, reasoning } = separateReasoning(recorded.text)
  const input = reasoning === null ? recorded : { ...recorded, text: answer }
  return {
    ...(reasoning !== null && answer.trim() === '' ? { why: 'its reply holds only the model\'s reasoning, no answer after it' } : {}),
    index,
    input,
    flags: [],
    filtered: null,
    counts: new Map(),
    words: 0,
    extracted: null,
    relevance: 0,
    quality: 0,
    prior: 0,
    consensus: 0,
    total: 0,
    voteWeight: 0
  }
}

/** Pure and deterministic: the same question, candidates and options always give the same decision. */
export function aggregate (question: string, candidates: readonly CandidateInput[], options: AggregateOptions): Decision {
  const maxWeight = candidates.reduce((max, c) => Math.max(max, c.weight ?? 1), 0)
  const questionTokens = new Set(contentTokens(question))
  const expected = expectedAnswer(question)

  const all = candidates.map(working)
  for (const candidate of all) {
    applyHardFilters(candidate, expected)
    candidate.prior = priorScore(candidate.input, maxWeight)
  }

  // The course notes ground the models' answers; they only answer themselves when no model did.
  const isModel = (c: WorkingCandidate): boolean => c.input.evidence !== true
  const modelAnswered = all.some(c => isModel(c) && c.input.status === 'ok' && c.input.text.trim() !== '' && c.filtered !== 'junk')
  const evidence = modelAnswered ? all.filter(c => !isModel(c) && c.filtered === null && c.input.lowCoverage !== true) : []
  for (const candidate of all) {
    if (modelAnswered && !isModel(candidate) && candidate.filtered === null) addFlag(candidate, 'evidence')
  }
  const voters = all.filter(c => !modelAnswered || isModel(c))

  // When most providers that replied declined, the ensemble declines too; otherwise a refusal never wins.
  const replied = voters.filter(c => c.input.status === 'ok' && (c.filtered === null || c.filtered === 'refusal'))
  const refusing = replied.filter(c => c.filtered === 'refusal')
  const refused = refusing.length > 0 && refusing.length * 2 > replied.length
  if (refused) {
    for (const candidate of replied) candidate.filtered = candidate.filtered === 'refusal' ? null : 'minority'
  }

  const answered = voters.filter(c => c.filtered === null)
  const analysed = [...answered, ...evidence]
  for (const candidate of analysed) {
    const { text, finishReason, lowCoverage } = candidate.input
    const { counts, words } = analyseAnswer(text)
    candidate.counts = counts
    candidate.words = words
    candidate.extracted = extractFinalAnswer(text)
    candidate.relevance = relevanceScore(questionTokens, candidate.counts, candidate.words)
    candidate.quality = qualityScore({
      text,
      finishReason,
      words: candidate.words,
      disclaimer: candidate.flags.includes('disclaimer') || candidate.flags.includes('partial_refusal'),
      lowCoverage: lowCoverage === true
    })
  }
  const reliabilityOf = (c: WorkingCandidate): ProviderReliability => options.reliability?.[c.input.provider] ?? NEUTRAL_RELIABILITY
  for (const candidate of analysed) {
    // A weighted majority with log-odds weights is the maximum-likelihood vote when each provider is
    // right with its own probability; the configured weight and the answer's quality scale it.
    candidate.voteWeight = evidenceWeight(candidate) * Math.max(0.05, evidenceOf(reliabilityOf(candidate).accuracy, ANSWER_CLASSES))
  }
  markDuplicates(answered)

  // A cascade decides each of its rounds as auto does (src/aggregator/cascade.ts runs the rounds).
  const requested: Strategy = options.strategy === 'cascade' ? 'auto' : options.strategy
  const active = (): WorkingCandidate[] => answered.filter(c => c.filtered === null)
  const short = isShortAnswer(requested, expected, active())
  for (const candidate of analysed) {
    const value = candidate.extracted
    if (value === null) continue
    // The last-number fallback is only trusted for questions that ask for a number.
    if (!short || (!value.explicit && !(expected === 'number' || (requested === 'vote' && expected !== 'open')))) candidate.extracted = null
  }

  // One text has nothing to be compared with: its row would only hold itself (the passthrough's single answer).
  const compared = analysed.length < 2
    ? { cosine: [[analysed[0]?.counts.size === 0 ? 0 : 1]], shared: [[analysed[0]?.counts.size ?? 0]] }
    : compareAnswers(analysed.map(c => c.counts))
  const matrix = compared.cosine
  const position = new Map(analysed.map((c, i) => [c, i]))
  const textSimilarity = (a: WorkingCandidate, b: WorkingCandidate): number => matrix[position.get(a) as number][position.get(b) as number]
  const similarity = (a: WorkingCandidate, b: WorkingCandidate): number => {
    const text = textSimilarity(a, b)
    if (!short) return text
    const x = a.extracted
    const y = b.extracted
    const match = x !== null && y !== null && x.kind === y.kind && x.key === y.key ? 1 : 0
    return (1 - SHORT_ANSWER_MATCH_WEIGHT) * text + SHORT_ANSWER_MATCH_WEIGHT * match
  }
  const scoreConsensus = (): void => {
    const pool = active()
    for (const candidate of answered) {
      const others = pool.filter(c => c !== candidate)
      candidate.consensus = others.length === 0
        ? (candidate.filtered === null ? NEUTRAL_CONSENSUS : 0)
        : others.reduce((sum, c) => sum + similarity(candidate, c), 0) / others.length
    }
  }
  // Whether an answer covers at least as much of what the others say as they typically cover of each other.
  const coversTheOthers = (candidate: WorkingCandidate, group: readonly WorkingCandidate[]): boolean => {
    const at = group.map(c => position.get(c) as number)
    const coverage = vocabularyCoverage(at.map(i => at.map(j => compared.shared[i][j])))
    const own = coverage[group.indexOf(candidate)]
    return own >= median(coverage.filter((_, i) => group[i] !== candidate))
  }
  // A number is a number in either language; a text in the wrong one is no answer for this student.
  if (!short) markWrongLanguage(answered, question)
  markOffTopic(answered, questionTokens.size, textSimilarity)
  markTruncated(answered)
  scoreConsensus()
  markOutliers(answered, !short, coversTheOthers)
  scoreConsensus()

  // Agreement with the notes: a matching short answer or a similar text gains; a different short answer loses.
  const support = new Map<WorkingCandidate, number>()
  for (const candidate of answered) {
    if (evidence.length === 0) break
    let best = 0
    let verdict: 'supported' | 'contradicted' | null = null
    for (const notes of evidence) {
      const x = candidate.extracted
      const y = notes.extracted
      if (short && x !== null && y !== null && x.kind === y.kind) {
        verdict = x.key === y.key ? 'supported' : (verdict ?? 'contradicted')
        best = Math.max(best, x.key === y.key ? 1 : 0)
      } else {
        best = Math.max(best, textSimilarity(candidate, notes))
      }
    }
    if (verdict === null && best >= EVIDENCE_SUPPORT) verdict = 'supported'
    if (verdict !== null) addFlag(candidate, verdict)
    support.set(candidate, best)
  }
  const meanSupport = support.size === 0 ? 0 : [...support.values()].reduce((a, b) => a + b, 0) / support.size
  const evidenceBonus = (c: WorkingCandidate): number => {
    if (c.flags.includes('contradicted')) return -EVIDENCE_WEIGHT
    return support.has(c) ? EVIDENCE_WEIGHT * ((support.get(c) as number) - meanSupport) : 0
  }

  for (const candidate of all) {
    candidate.total = answered.includes(candidate)
      ? totalScore(candidate.consensus, candidate.relevance, candidate.quality, candidate.prior) + evidenceBonus(candidate)
      : 0
  }

  const pool = active()
  // Open answers: each one's standing among this question's answers, plus its provider's track record.
  const standing = new Map<WorkingCandidate, number>()
  if (!short && pool.length > 1) {
    const at = pool.map(c => position.get(c) as number)
    const coverage = vocabularyCoverage(at.map(i => at.map(j => compared.shared[i][j])))
    const signals = openAnswerSignals(pool.map(c => formFeatures(c.input.text, c.words)), pool.map(c => c.consensus), coverage)
    pool.forEach((c, i) => standing.set(c, signals[i]))
  } else if (!short && pool.length === 1) {
    // Standard scores within a pool of one are all zero, whatever the answer's form: no need to measure it.
    standing.set(pool[0], 0)
  }
  const rated = pool.reduce((sum, c) => sum + (reliabilityOf(c).ratings ?? 0), 0)
  const recordWeight = RELIABILITY_WEIGHT * RATINGS_TO_HALVE_RECORD / (RATINGS_TO_HALVE_RECORD + rated)
  const selection = (c: WorkingCandidate): number => (standing.get(c) ?? 0) + recordWeight * reliabilityOf(c).quality + FEEDBACK_SELECTION_WEIGHT * (reliabilityOf(c).feedback ?? 0) +
    (support.size === 0 ? 0 : EVIDENCE_SELECTION * (c.flags.includes('contradicted') ? -1 : c.flags.includes('supported') ? 1 : 0) + ((support.get(c) ?? 0) - meanSupport))

  let used: Decision['strategy']
  let chosen: WorkingCandidate | null
  if (requested === 'vote' || (requested === 'auto' && short)) {
    const vote = pickVote(pool, c => (c.flags.includes('supported') ? 1 : c.flags.includes('contradicted') ? -1 : 0))
    used = vote === null ? 'consensus' : 'vote'
    chosen = vote === null ? pickConsensus(pool, evidenceBonus) : vote.chosen
  } else if (requested === 'best' || requested === 'auto') {
    // Free text: the answer whose form, agreement and provider's record stand highest.
    used = 'best'
    chosen = short ? pickBest(pool) : pickBy(pool, selection)
  } else if (requested === 'fastest') {
    used = 'fastest'
    chosen = pickFastest(pool)
  } else {
    // synthesize needs a model call, which is the service's job; here it is the consensus it falls back to.
    used = 'consensus'
    chosen = pickConsensus(pool, evidenceBonus)
  }

  const normalized = short && chosen !== null && chosen.extracted !== null ? chosen.extracted.key : null
  const { confidence, agreement, posterior } = chosen === null
    ? { confidence: 0, agreement: null, posterior: null }
    : assess(chosen, pool, short, similarity, evidence.length > 0 && chosen.flags.includes('supported'), reliabilityOf, { standing, selection, questionWords: wordCount(question) }, question)
  const warnings = describeLeftOut(all)
  if (refused) warnings.unshift(`Most providers (${refusing.length} of ${replied.length}) declined this question, so the answer is a refusal.`)
  if (evidence.length > 0 && chosen !== null) {
    warnings.push(chosen.flags.includes('supported')
      ? 'The course notes agree with this answer (see their sources).'
      : chosen.flags.includes('contradicted') ? 'The course notes give a different answer: check them (see their sources).' : 'The course notes were consulted as evidence; they do not clearly confirm this answer.')
  }
  return {
    answer: chosen === null ? '' : chosen.input.text,
    strategy: used,
    confidence,
    agreement,
    posterior,
    chosen: chosen === null ? null : { provider: chosen.input.provider, model: chosen.input.model },
    normalized,
    answerType: normalized === null ? 'free' : 'short',
    candidates: all.map(verdict),
    warnings,
    refused,
    // A refusal says nothing about who answers well.
    learning: refused ? null : learningSignal(pool, short, standing, reliabilityOf)
  }
}

/** How much of its provider's evidence an answer carries: the configured weight and the answer's own quality. */
function evidenceWeight (candidate: WorkingCandidate): number {
  return Math.max(candidate.prior, 0.01) * (0.5 + 0.5 * candidate.quality)
}

/** The Dawid–Skene posterior of each answer given, with the same evidence the vote counts. */
function posteriorOf (voting: readonly WorkingCandidate[], reliabilityOf: (c: WorkingCandidate) => ProviderReliability): Map<string, number> {
  return votePosterior(voting.map(c => ({ group: groupId(c) as string, accuracy: reliabilityOf(c).accuracy, weight: evidenceWeight(c) })), ANSWER_CLASSES)
}

function pickBy (pool: readonly WorkingCandidate[], score: (c: WorkingCandidate) => number): WorkingCandidate | null {
  let best: WorkingCandidate | null = null
  let bestScore = -Infinity
  for (const candidate of pool) {
    const value = score(candidate)
    if (value > bestScore) {
      best = candidate
      bestScore = value
    }
  }
  return best
}

/** Short answers: the posterior that each provider's answer is right; open answers: each one's standing. */
function learningSignal (
  pool: readonly WorkingCandidate[],
  short: boolean,
  standing: ReadonlyMap<WorkingCandidate, number>,
  reliabilityOf: (c: WorkingCandidate) => ProviderReliability
): LearningSignal | null {
  // One answer has nothing to be compared with.
  if (pool.length < 2) return null
  if (short) {
    const voting = pool.filter(c => c.extracted !== null)
    if (voting.length < 2) return null
    const posterior = posteriorOf(voting, reliabilityOf)
    return { kind: 'short', signals: voting.map(c => ({ provider: c.input.provider, value: round(posterior.get(groupId(c) as string) ?? 0), words: c.words })) }
  }
  return { kind: 'open', signals: pool.map(c => ({ provider: c.input.provider, value: round(standing.get(c) ?? 0) })) }
}

/**
 * Short answers are voted on only where the question asks for one (a number, an option, yes/no) and
 * most answers commit to one, or where most answers mark a final answer ("####", "Answer:"). A count
 * or a step number inside an explanation never turns an open question into a vote.
 */
function isShortAnswer (requested: Strategy, expected: ReturnType<typeof expectedAnswer>, pool: readonly WorkingCandidate[]): boolean {
  if (pool.length === 0) return false
  const explicit = pool.filter(c => c.extracted?.explicit === true).length
  const marked = pool.filter(c => c.extracted?.marked === true).length
  if (requested === 'vote') {
    if (expected === 'open') return marked > 0
    return pool.some(c => c.extracted !== null)
  }
  if (expected === 'number' || expected === 'option' || expected === 'yesno') return explicit * 2 >= pool.length
  return expected !== 'open' && marked * 2 >= pool.length
}

interface Assessment {
  confidence: number
  agreement: number | null
  /** Short answers: the Dawid–Skene posterior that the chosen answer is right, before any cap. */
  posterior: number | null
}

/** How much confirmation by the course notes adds to the confidence of an answer they support. */
const EVIDENCE_CONFIDENCE = 0.15

function assess (
  chosen: WorkingCandidate,
  pool: readonly WorkingCandidate[],
  short: boolean,
  similarity: (a: WorkingCandidate, b: WorkingCandidate) => number,
  supported: boolean,
  reliabilityOf: (c: WorkingCandidate) => ProviderReliability,
  open: { standing: ReadonlyMap<WorkingCandidate, number>, selection: (c: WorkingCandidate) => number, questionWords: number },
  question: string
): Assessment {
  let confidence: number
  let agreement: number | null = null
  const id = groupId(chosen)
  const posterior = short && id !== null ? posteriorOf(pool.filter(c => c.extracted !== null), reliabilityOf).get(id) ?? null : null
  if (pool.length === 1) {
    // A lone answer that knows how well it matches (the course notes) says so; it stays under the single-source cap.
    const own = chosen.input.selfConfidence
    confidence = own !== undefined && Number.isFinite(own) ? SINGLE_SOURCE_CAP * Math.min(1, Math.max(0, own)) : singleSourceConfidence(chosen.quality, chosen.relevance)
  } else if (short && chosen.extracted !== null) {
    const total = pool.reduce((sum, c) => sum + c.voteWeight, 0)
    const agreeing = pool.filter(c => groupId(c) === id)
    agreement = agreeing.reduce((sum, c) => sum + c.voteWeight, 0) / total
    // Each numeric answer's working, checked once: its supporters' errors lower the confidence, more thorough working than the others' raises it.
    const working = pool.map(c => (c.extracted?.kind === 'number' ? checkSolution(c.input.text, Number(c.extracted.key)) : null))
    // A numeric answer's working should use what the question gives; options and yes/no have no quantities to use.
    const given = chosen.extracted.kind === 'number' ? quantitiesOf(question) : new Set<string>()
    confidence = shortAnswerConfidence(posterior ?? 0, agreeing.length, {
      working: workingShift(working.filter((_, i) => groupId(pool[i]) === id), working.filter((_, i) => groupId(pool[i]) !== id)),
      difficulty: lengthDifficulty(pool.map(c => ({ words: c.words, typicalWords: reliabilityOf(c).typicalWords }))),
      coverage: agreeing.reduce((sum, c) => sum + quantityCoverage(given, c.input.text), 0) / agreeing.length
    })
  } else {
    const others = pool.filter(c => c !== chosen)
    const weight = others.reduce((sum, c) => sum + c.voteWeight, 0)
    agreement = others.reduce((sum, c) => sum + c.voteWeight * similarity(chosen, c), 0) / weight
    const runnerUp = Math.max(...others.map(open.selection))
    confidence = freeTextConfidence({
      agreement,
      sources: pool.length,
      providerQuality: reliabilityOf(chosen).quality,
      standing: open.standing.get(chosen) ?? 0,
      margin: open.standing.size === 0 ? 0 : Math.max(0, open.selection(chosen) - runnerUp),
      words: chosen.words,
      typicalWords: Math.expm1(pool.reduce((sum, c) => sum + Math.log1p(c.words), 0) / pool.length),
      questionWords: open.questionWords
    })
  }
  if (supported) confidence += EVIDENCE_CONFIDENCE * (1 - confidence)
  if (chosen.input.lowCoverage === true) confidence = Math.min(confidence, LOW_COVERAGE_CAP)
  return { confidence: round(confidence), agreement: agreement === null ? null : round(agreement), posterior: posterior === null ? null : round(posterior) }
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
