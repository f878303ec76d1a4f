// Confidence in 0..1 from weighted agreement, calibrated so that a high value means "usually right".

import { clamp01 } from './scores.js'

/**
 * Logistic calibration of the winning group's weighted vote share, fitted on the even-indexed half
 * of the GSM8K ensemble fixture (`npm run eval -- --fit`) and checked on the odd half. There,
 * 4 of 4 models agreeing is right ~93 % of the time and a lone answer among four almost never.
 */
export const VOTE_CALIBRATION = { intercept: -2.79, slope: 5.29 } as const

/** A single usable answer has no one to agree with: its confidence never exceeds this. */
export const SINGLE_SOURCE_CAP = 0.6
/** The offline notes saying they do not cover the question. */
export const LOW_COVERAGE_CAP = 0.2
/** Free text never reaches certainty: similar wording is weaker evidence than an identical number. */
export const FREE_TEXT_CAP = 0.95
/** Mean TF-IDF cosine at which free-text answers count as not agreeing at all, and as fully agreeing. */
export const FREE_TEXT_AGREEMENT = { none: 0.05, full: 0.4 } as const

function sigmoid (x: number): number {
  return 1 / (1 + Math.exp(-x))
}

/**
 * Short answers: calibrated vote share, capped by how many sources agree: an answer nobody
 * confirmed stays under "medium" (0.45), two agreeing providers reach 0.8, three 0.9.
 */
export function voteConfidence (share: number, agreeing: number): number {
  const calibrated = sigmoid(VOTE_CALIBRATION.intercept + VOTE_CALIBRATION.slope * clamp01(share))
  return Math.min(calibrated, agreeingCap(agreeing))
}

/** The most that `n` independent sources saying the same thing can claim. */
export function agreeingCap (n: number): number {
  return n <= 1 ? UNCONFIRMED_CAP : 1 - 0.2 / (n - 1) ** 1.3
}

/** An answer that no other provider confirmed: never "high", whatever its vote share. */
export const UNCONFIRMED_CAP = 0.44

/** Share of full agreement from which a free-text answer counts as confirmed by the others. */
const CONFIRMED_AT = 0.3

export interface FreeTextEvidence {
  /** The chosen answer's weighted mean similarity to the others. */
  agreement: number
  /** Usable answers (two or more). */
  sources: number
  /** Its provider's learned open-answer quality (0 = average). */
  providerQuality?: number
  /** Its standing among this question's answers and its lead over the runner-up (z-score units). */
  standing?: number
  margin?: number
  /** The chosen answer's length in words. */
  words?: number
  /** How long the answers to this question run: the geometric mean of their lengths in words. */
  typicalWords?: number
  /** The question's length in words. */
  questionWords?: number
}

/**
 * Weights of the free-text confidence's log-odds. A logistic regression of "the chosen answer wins
 * the judge's comparison" was fitted on each half of the AlpacaEval dev fixture (eight ensembles
 * pooled) and checked on the other half (docs/quality.md); these are the terms both halves agree on.
 * What predicts a win best is the kind of request: where every answer runs long (an essay, a plan, a
 * story) answers differ most and any one of them is least likely to be the best there is (−0.61 and
 * −0.74 per unit of log length in the two fits); a provider with a good record raises it (+0.46 to
 * +0.61); a longer question (a specific ask) raises it in one half only, so it gets half that fit's
 * weight. Agreement and a lead over the runner-up predicted nothing consistent on open requests
 * (different good answers share few words), so they keep a small weight; answers that say nearly the
 * same thing, rare on open requests and common on factual ones, are strong evidence of their own.
 * The answer's own quality score is left out.
 */
/** Mean similarity from which free-text answers start to count as saying the same thing. */
const NEARLY_IDENTICAL_FROM = 0.5

export const FREE_TEXT_WEIGHTS = {
  intercept: 0.3,
  agreement: 0.25,
  /** Answers that say nearly the same thing (mean similarity from CONFIRMED_NEARLY up to identical). */
  nearlyIdentical: 1.5,
  providerQuality: 0.5,
  standing: 0,
  margin: 0.1,
  /** Per unit of log length of the typical answer above ~90 words. */
  typicalLength: -0.75,
  /** Per unit of log length of the question above ~11 words (a specific request is easier to meet). */
  questionLength: 0.2
} as const

/**
 * Free text: the logistic blend of FREE_TEXT_WEIGHTS, capped: similar wording is weaker evidence than
 * an identical number, and an answer the others do not confirm is never "high". The answer's own
 * quality score is left out: on the dev data it does not predict a win once the rest is known.
 */
export function freeTextConfidence (evidence: FreeTextEvidence): number {
  const { none, full } = FREE_TEXT_AGREEMENT
  const w = FREE_TEXT_WEIGHTS
  const agreed = clamp01((evidence.agreement - none) / (full - none))
  // Without the other answers' lengths, the chosen answer's own stands for them (it had no effect of its own on the dev data).
  const typical = Math.log1p(evidence.typicalWords ?? evidence.words ?? 90)
  const logit = w.intercept + w.agreement * agreed * (1 - 0.5 ** Math.max(0, evidence.sources - 1)) +
    w.providerQuality * (evidence.providerQuality ?? 0) + w.standing * (evidence.standing ?? 0) + w.margin * (evidence.margin ?? 0) +
    w.typicalLength * (typical - 4.5) +
    w.questionLength * (evidence.questionWords === undefined ? 0 : Math.log1p(evidence.questionWords) - 2.5) +
    w.nearlyIdentical * clamp01((evidence.agreement - NEARLY_IDENTICAL_FROM) / (1 - NEARLY_IDENTICAL_FROM)) * (1 - 0.5 ** Math.max(0, evidence.sources - 1))
  // An answer the others do not confirm stays under "medium" however focused the request; the cap
  // rises to FREE_TEXT_CAP as agreement reaches CONFIRMED_AT.
  const cap = UNCONFIRMED_CAP + (FREE_TEXT_CAP - UNCONFIRMED_CAP) * Math.min(1, agreed / CONFIRMED_AT)
  return Math.min(cap, FREE_TEXT_CAP * sigmoid(logit))
}

/**
 * One-coin Dawid–Skene posterior over the answers given: each provider is right with its own
 * probability and otherwise says one of the `classes − 1` wrong values at random. The answer
 * "none of these" keeps the posterior honest when every group is small. `weight` (default 1) scales
 * a provider's evidence: the configured weight and the answer's quality, as in the vote itself, so
 * the vote's winner is always the answer with the highest posterior.
 */
export function votePosterior (votes: readonly { group: string, accuracy: number, weight?: number }[], classes: number): Map<string, number> {
  const groups = new Map<string, number>()
  for (const vote of votes) groups.set(vote.group, (groups.get(vote.group) ?? 0) + (vote.weight ?? 1) * evidenceOf(vote.accuracy, classes))
  const others = Math.max(1, classes - groups.size)
  const top = Math.max(0, ...groups.values())
  let total = others * Math.exp(-top)
  for (const score of groups.values()) total += Math.exp(score - top)
  const out = new Map<string, number>()
  for (const [group, score] of groups) out.set(group, Math.exp(score - top) / total)
  return out
}

/** The log-likelihood ratio a provider of this accuracy adds to the answer it gives. */
export function evidenceOf (accuracy: number, classes: number): number {
  const p = Math.min(0.98, Math.max(0.02, accuracy))
  return Math.log(p * (classes - 1) / (1 - p))
}

/** One usable answer: only its own quality and relevance speak for it. */
export function singleSourceConfidence (quality: number, relevance: number): number {
  return SINGLE_SOURCE_CAP * clamp01(0.5 * quality + 0.5 * relevance)
}

/** What checking one answer's working found (src/aggregator/solution-check.ts). */
export interface WorkingCheck {
  checked: number
  wrong: number
  final: number | null
  finalReached: boolean
  results: readonly number[]
}

/**
 * How much each finding about the working moves the log-odds that a short answer is right. Fitted on
 * the even-indexed half of the GSM8K dev fixture, where the AUROC is flat around these values, and
 * confirmed on the odd half (docs/quality.md). On the whole fixture, of the 2,360 solutions: one whose
 * working states a wrong step is right 8 % of the time (all: 38 %), one whose final number no step
 * reaches 18 %; a lone answer whose working has more steps that check out than the others' is right
 * 37 % of the time, one with fewer 12 %; two agreeing answers are right 62 % of the time, but 37 % when
 * a dissenter's working passes through their number on its way to another (three or more: 91 % and 56 %).
 */
export const WORKING_WEIGHTS = { wrong: 2, unreached: 0.25, thoroughness: 0.2, thoroughnessLimit: 3, passedThrough: 1.5 } as const

/**
 * The shift in log-odds that the chosen answer's supporters' working gives its confidence, against the
 * working of the answers that disagree: errors and unreached finals among its supporters lower it; a
 * more thorough working than the others' (more steps that check out) raises it; other answers whose
 * working passes through this final number and goes on lower it (this answer may have stopped a step
 * short). Zero when no working could be read. A null is an answer with no number to check (an option, yes or no): it is left out.
 */
export function workingShift (supporting: readonly (WorkingCheck | null)[], opposing: readonly (WorkingCheck | null)[]): number {
  const supporters = supporting.filter((c): c is WorkingCheck => c !== null)
  const others = opposing.filter((c): c is WorkingCheck => c !== null)
  if (supporters.length === 0) return 0
  const w = WORKING_WEIGHTS
  const share = (test: (c: WorkingCheck) => boolean): number => supporters.filter(test).length / supporters.length
  const steps = (group: readonly WorkingCheck[]): number => group.reduce((sum, c) => sum + c.checked - c.wrong, 0) / group.length
  const readable = supporters.some(c => c.checked > 0) || others.some(c => c.checked > 0)
  if (!readable) return 0
  const lead = others.length === 0 ? 0 : Math.max(-w.thoroughnessLimit, Math.min(w.thoroughnessLimit, steps(supporters) - steps(others)))
  const final = supporters[0].final
  const passedThrough = final === null || others.length === 0 ? 0 : others.filter(c => passesThrough(c, final)).length / others.length
  return -w.wrong * share(c => c.wrong > 0) - w.unreached * share(c => c.checked > 0 && !c.finalReached) + w.thoroughness * lead -
    w.passedThrough * passedThrough
}

/** The working reaches `value` before its last step and goes on from it. */
function passesThrough (check: WorkingCheck, value: number): boolean {
  const tolerance = 1e-6 * Math.max(1, Math.abs(value))
  for (let i = 0; i < check.results.length - 1; i++) if (Math.abs(check.results[i] - value) <= tolerance) return true
  return false
}

/**
 * How much what is known of the question moves the log-odds that a short answer is right, fitted on
 * the even-indexed half of the GSM8K dev fixture and confirmed on the odd half (docs/quality.md).
 * `difficulty`: per unit of log length by which this question's answers run longer than their
 * providers' usual (a problem that takes every model more words is a harder one: alone, it ranks
 * right against wrong answers at 0.68). `uncovered`: the share of the quantities the question gives
 * that the supporting working never uses (a solution that leaves a given number aside has usually
 * misread the problem: alone, 0.60).
 */
export const QUESTION_WEIGHTS = { difficulty: 0.8, uncovered: 1.5 } as const

/** What is known of a short answer beyond the vote: its working and the question it answers. */
export interface ShortAnswerEvidence {
  /** The shift in log-odds its working gives (workingShift). */
  working?: number
  /** Mean log length of the answers above their providers' typical length (0 = as usual). */
  difficulty?: number
  /** Share of the question's quantities its supporters' working uses (1 = all, or none to use). */
  coverage?: number
}

/**
 * Short answers: the Dawid–Skene posterior capped by how many sources agree, then moved by what
 * checking the working found and by what the question says of its difficulty. The cap holds either
 * way (a lone answer with clean working is still unconfirmed), but a capped answer whose working is
 * wrong, or that ignores a given quantity, drops below answers alike whose working checks out.
 */
export function shortAnswerConfidence (posterior: number, agreeing: number, evidence: ShortAnswerEvidence = {}): number {
  const cap = agreeingCap(agreeing)
  const shift = (evidence.working ?? 0) - QUESTION_WEIGHTS.difficulty * (evidence.difficulty ?? 0) -
    QUESTION_WEIGHTS.uncovered * (1 - clamp01(evidence.coverage ?? 1))
  if (shift === 0) return Math.min(posterior, cap)
  const p = Math.min(1 - 1e-6, Math.max(1e-6, Math.min(posterior, cap)))
  return Math.min(cap, sigmoid(Math.log(p / (1 - p)) + shift))
}

/** The quantities a text states, normalised ("1,500" and "1500" are one quantity). */
export function quantitiesOf (text: string): Set<string> {
  const out = new Set<string>()
  for (const match of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    const value = Number(match[0].replace(/,(?=\d{3}\b)/g, '').replace(/,.*$/, ''))
    if (Number.isFinite(value)) out.add(String(value))
  }
  return out
}

/** Share of the question's quantities that a working uses; 1 when the question states none. */
export function quantityCoverage (question: ReadonlySet<string>, working: string): number {
  if (question.size === 0) return 1
  const used = quantitiesOf(working)
  let found = 0
  for (const quantity of question) if (used.has(quantity)) found++
  return found / question.size
}

/**
 * How much longer than usual this question's answers run: the mean, over the answers whose provider's
 * typical length is known, of log(1 + words) − log(1 + typical words). 0 when none is known.
 */
export function lengthDifficulty (answers: readonly { words: number, typicalWords?: number }[]): number {
  let sum = 0
  let known = 0
  for (const { words, typicalWords } of answers) {
    if (typicalWords === undefined) continue
    sum += Math.log1p(words) - Math.log1p(typicalWords)
    known++
  }
  return known === 0 ? 0 : sum / known
}
