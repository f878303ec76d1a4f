// The cascade: ask the cheapest providers first and the dearer ones only while the answer is not
// settled (FrugalGPT-style escalation). Pure: which providers go in which round, and when to stop.

import { ANSWER_CLASSES, NEUTRAL_RELIABILITY, aggregate } from './index.js'
import { evidenceOf } from './confidence.js'
import { expectedAnswer } from './question-type.js'
import type { AggregateOptions, CandidateInput, Decision, ProviderReliability } from './types.js'

/** Confidence at which an answer is settled and no dearer provider is asked. */
export const CASCADE_SETTLED = 0.6
/** The first round asks this many paid providers, so that agreement can settle a short answer. */
const FIRST_ROUND_PAID = 2

/**
 * A provider the service has seen answer fewer questions than this is asked in the first round: the
 * cascade can only judge "settled" with providers whose record it knows, and a provider never asked
 * would never get a record. With the prior worth 5 questions, 15 make the record three quarters data.
 * On the three cascade sets of the dev files, 15 instead of 20 costs less and is as right or better on
 * each; at 10 the free-text records are too thin to tell the better writers (docs/quality.md).
 */
export const CASCADE_WARM_UP = 15

/**
 * Every this-many questions is an exploration question. What the cascade learns of the providers must
 * come from questions chosen by the calendar, never by difficulty: a cheap provider asked on every
 * question and a dear one asked only on the hard ones would otherwise be judged on different questions.
 */
export const CASCADE_EXPLORE_EVERY = 30
/**
 * Once this many questions are decided the records are firm, and exploring only has to notice a
 * provider that changes: one question in CASCADE_EXPLORE_LATER is enough for that and costs little
 * (on the GSM8K dev file, exploring every 30th then every 80th question instead of every 15th then
 * 40th cost 0.8 points less of asking everyone's cost, accuracy unchanged; docs/quality.md).
 */
export const CASCADE_EXPLORE_FIRM_AFTER = 150
export const CASCADE_EXPLORE_LATER = 80

/** Whether this question (the service's n-th) is an exploration question. */
export function isExploration (decided: number): boolean {
  return decided % (decided < CASCADE_EXPLORE_FIRM_AFTER ? CASCADE_EXPLORE_EVERY : CASCADE_EXPLORE_LATER) === 0
}

export interface CascadePlan {
  rounds: string[][]
  /**
   * One round asked by plan, whatever the answers: a paid provider whose record is still short
   * (everyone is asked) or an exploration question (the first round and one dearer provider). Only
   * such questions teach reliability: a question the cascade settled early, or escalated because it
   * was hard, would judge the dear providers on the hard questions alone.
   */
  explore: boolean
}

/**
 * What the question asks for, which decides the record that orders the dearer providers: a number,
 * an option or yes/no is voted on ('short': learned accuracy), anything else is chosen among free
 * texts ('open': learned quality of open answers and ratings).
 */
export type CascadeKind = 'short' | 'open'

export function cascadeKind (question: string): CascadeKind {
  const expected = expectedAnswer(question)
  return expected === 'number' || expected === 'option' || expected === 'yesno' ? 'short' : 'open'
}

/** The cascade's view of one provider: what asking it is expected to cost and what its record says. */
export function cascadeOption (id: string, expectedCostUsd: number, reliability?: ProviderReliability): CascadeOption {
  return {
    id,
    expectedCostUsd,
    accuracy: reliability?.accuracy,
    openRecord: reliability === undefined ? undefined : openRecordOf(reliability),
    questions: reliability?.questions
  }
}

/**
 * The rounds for the service's n-th question (`decided` questions before it). An exploration question
 * asks the first round and, in turn, one dearer provider (the one whose record rests on the fewest
 * questions): each record is refreshed on questions the calendar chose at about half the cost of asking
 * everyone (on the GSM8K dev file 50.1 % of asking everyone's cost instead of 50.9 %, and 56.3 % right
 * instead of 55.9 %; docs/quality.md).
 */
export function planCascade (options: readonly CascadeOption[], decided: number, kind: CascadeKind = 'short'): CascadePlan {
  const warmingUp = options.some(o => o.expectedCostUsd > 0 && (o.questions ?? 0) < CASCADE_WARM_UP)
  if (warmingUp) return { rounds: [options.map(o => o.id)], explore: true }
  const rounds = cascadeRounds(options, kind)
  if (!isExploration(decided)) return { rounds, explore: false }
  const [first = [], ...rest] = rounds
  const later = rest.flat().map(id => options.find(o => o.id === id) as CascadeOption)
  const stalest = later.reduce<CascadeOption | undefined>((a, b) => (a === undefined || (b.questions ?? 0) < (a.questions ?? 0) ? b : a), undefined)
  return { rounds: [stalest === undefined ? first : [...first, stalest.id]], explore: true }
}

/**
 * Prices within this factor of each other are one price class: among them the more reliable goes first.
 * Models sold at one list price differ in cost by their answers' lengths (often twice as long); models
 * of another tier are priced five to twenty times apart, so a factor of 3 separates tiers, not answers.
 */
const PRICE_CLASS = 3

export interface CascadeOption {
  id: string
  /** Expected cost of asking it; 0 for the course notes. */
  expectedCostUsd: number
  /** Learned probability that its short answers are right (the tie-break within a price class). */
  accuracy?: number
  /** Learned record of its open answers, quality and ratings (what orders the dearer providers for free text). */
  openRecord?: number
  /** Questions its record rests on; below CASCADE_WARM_UP it is asked in the first round. */
  questions?: number
}

/**
 * Rounds of provider ids: every free provider and two paid ones first, then one more provider per
 * round. For a short answer, cheapest first, and among providers of about the same price the one with
 * the better accuracy: the two cheapest can settle it by agreeing. For free text, the better writer
 * first whatever its price: a free-text question is settled only once no provider still to be asked
 * writes better than one already asked (isSettled), so a cheaper provider with a worse record than one
 * still to come could never end it, and asking it would only add its cost. Its first round is the best
 * writer and the cheapest other provider, which gives the choice a second answer at little cost: on
 * ten sets of four AlpacaEval models (two cheap, two about ten times dearer) a first round of the two
 * cheapest was 0.51 points under asking everyone on average and this one 0.18, at the same cost where
 * the cheap models write best (docs/quality.md). Full ties keep the configured order, so the plan never
 * depends on timing. Cost and record, never a name, decide the order.
 */
export function cascadeRounds (options: readonly CascadeOption[], kind: CascadeKind = 'short'): string[][] {
  const remaining = options.map((o, i) => ({ ...o, i }))
  const byRecord = (a: (typeof remaining)[number], b: (typeof remaining)[number]): number => kind === 'open'
    ? (b.openRecord ?? 0) - (a.openRecord ?? 0) || (b.accuracy ?? 0) - (a.accuracy ?? 0)
    : (b.accuracy ?? 0) - (a.accuracy ?? 0) || (b.openRecord ?? 0) - (a.openRecord ?? 0)
  const next = (anyPrice: boolean): (typeof remaining)[number] | undefined => {
    if (remaining.length === 0) return undefined
    const cheapest = Math.min(...remaining.map(o => o.expectedCostUsd))
    const band = anyPrice ? [...remaining] : remaining.filter(o => o.expectedCostUsd <= cheapest * PRICE_CLASS)
    band.sort((a, b) => byRecord(a, b) || a.expectedCostUsd - b.expectedCostUsd || a.i - b.i)
    const pick = band[0]
    remaining.splice(remaining.indexOf(pick), 1)
    return pick
  }
  const first: string[] = []
  for (const option of options.filter(o => o.expectedCostUsd <= 0 || (o.questions ?? 0) < CASCADE_WARM_UP)) {
    first.push(option.id)
    remaining.splice(remaining.findIndex(o => o.id === option.id), 1)
  }
  while (first.filter(id => options.find(o => o.id === id)?.expectedCostUsd !== 0).length < FIRST_ROUND_PAID && remaining.length > 0) {
    const pick = next(kind === 'open' && first.length === 0)
    if (pick !== undefined) first.push(pick.id)
  }
  const rounds = first.length > 0 ? [first] : []
  for (let pick = next(kind === 'open'); pick !== undefined; pick = next(kind === 'open')) rounds.push([pick.id])
  return rounds
}

/**
 * Free text is settled once no provider still to be asked has a better record of open answers than
 * one already asked: the choice among free texts leans on that record, and a provider that writes no
 * better rarely supplies the answer chosen (on the AlpacaEval dev file, waiting for a confident answer
 * as well asked 3.1 of 4 providers at 61.7 % of asking everyone's cost, win rate 7.2 % against 7.2 %; this rule
 * asks 2.1 at 10.5 %, and with coverage in the standing wins 7.6 % against 7.9 % for asking everyone;
 * docs/quality.md). Without the later rounds to compare with, the confidence decides.
 *
 * A short answer is settled when it is probably right given what is known of the providers who gave
 * it (the posterior), or when asking on would not pay:
 * - no answer the next round could give would overturn it (its votes, at full weight, on the
 *   strongest rival still weigh less), or
 * - it is already backed by a provider more reliable than every provider still to be asked: a
 *   less reliable one could then only overturn it by siding with another, weaker answer, which on
 *   the dev data is right no more often than the reliable provider alone (docs/quality.md).
 */
export function isSettled (
  decision: Decision,
  settledAt = CASCADE_SETTLED,
  next?: { providers: readonly string[], later?: readonly string[], reliability?: Readonly<Record<string, ProviderReliability>> }
): boolean {
  if (decision.chosen === null) return false
  if (decision.answerType !== 'short') {
    if (next === undefined) return decision.confidence >= settledAt
    const later = next.later ?? next.providers
    return decision.candidates.some(c => c.filtered === null && bestWriter(c.provider, later, next.reliability))
  }
  if ((decision.posterior ?? decision.confidence) >= settledAt) return true
  if (next === undefined || next.providers.length === 0 || decision.answerType !== 'short' || decision.normalized === null) return false
  return cannotChange(decision, next.providers, next.reliability) || bestBacked(decision, next.later ?? next.providers, next.reliability)
}

/** A provider's record of open answers: its learned quality plus people's ratings. */
export const openRecordOf = (reliability: ProviderReliability): number => reliability.quality + (reliability.feedback ?? 0)

const accuracyOf = (reliability: Readonly<Record<string, ProviderReliability>> | undefined, id: string): number => (reliability?.[id] ?? NEUTRAL_RELIABILITY).accuracy

/** Whether the chosen short answer keeps the most weighted votes whatever the given providers say. */
export function cannotChange (decision: Decision, providers: readonly string[], reliability?: Readonly<Record<string, ProviderReliability>>): boolean {
  if (decision.normalized === null) return false
  // Each vote weighs what the vote itself counts; a provider yet to answer is credited with its full weight.
  const weight = (id: string): number => Math.max(0.05, evidenceOf(accuracyOf(reliability, id), ANSWER_CLASSES))
  const groups = new Map<string, number>()
  for (const c of decision.candidates) {
    if (c.filtered !== null || c.extracted === null) continue
    groups.set(c.extracted, (groups.get(c.extracted) ?? 0) + Math.max(c.scores.prior, 0.01) * (0.5 + 0.5 * c.scores.quality) * weight(c.provider))
  }
  const chosen = groups.get(decision.normalized) ?? 0
  const rival = Math.max(0, ...[...groups].filter(([key]) => key !== decision.normalized).map(([, w]) => w))
  return chosen > rival + providers.reduce((sum, id) => sum + weight(id), 0)
}

/** Free text: whether the chosen answer's provider has a better learned record of open answers (quality and ratings) than each of `later`. */
export function bestWriter (chosen: string, later: readonly string[], reliability?: Readonly<Record<string, ProviderReliability>>): boolean {
  const record = (id: string): number => openRecordOf(reliability?.[id] ?? NEUTRAL_RELIABILITY)
  return later.every(id => record(id) < record(chosen))
}

/** Whether a provider giving the chosen answer is learned to be more accurate than each of `later` (an equal one could break a tie). */
export function bestBacked (decision: Decision, later: readonly string[], reliability?: Readonly<Record<string, ProviderReliability>>): boolean {
  const backers = decision.candidates.filter(c => c.filtered === null && c.extracted !== null && c.extracted === decision.normalized)
  if (backers.length === 0) return false
  const best = Math.max(...backers.map(c => accuracyOf(reliability, c.provider)))
  return later.every(id => accuracyOf(reliability, id) < best)
}

/** A provider not asked because the answer was settled before its round. */
export function notNeeded (candidate: CandidateInput): CandidateInput {
  return { provider: candidate.provider, model: candidate.model, status: 'skipped', text: '', errorClass: 'not_needed', costUsd: candidate.costUsd, evidence: candidate.evidence }
}

export interface CascadeResult {
  decision: Decision
  /** Provider ids asked, in order. */
  consulted: string[]
  costUsd: number
  rounds: number
  /** Everyone was asked by plan, so the question teaches reliability (see CascadePlan). */
  explore: boolean
}

/**
 * The cascade over recorded answers: candidates are revealed round by round, cheapest first, and the
 * rest are marked not needed once the decision is settled. The service runs the same rounds live.
 */
export function runCascade (
  question: string,
  candidates: readonly CandidateInput[],
  reliability?: Readonly<Record<string, ProviderReliability>>,
  settledAt = CASCADE_SETTLED,
  decided = 1
): CascadeResult {
  const { rounds, explore } = planCascade(candidates.map(c => cascadeOption(c.provider, c.costUsd ?? 0, reliability?.[c.provider])), decided, cascadeKind(question))
  const options: AggregateOptions = { strategy: 'auto', reliability }
  const consulted: string[] = []
  let decision: Decision | null = null
  let round = 0
  for (const ids of rounds) {
    round++
    consulted.push(...ids)
    const revealed = candidates.map(c => (consulted.includes(c.provider) ? c : notNeeded(c)))
    decision = aggregate(question, revealed, options)
    if (isSettled(decision, settledAt, { providers: rounds[round] ?? [], later: rounds.slice(round).flat(), reliability })) break
  }
  const costUsd = candidates.filter(c => consulted.includes(c.provider)).reduce((sum, c) => sum + (c.costUsd ?? 0), 0)
  return { decision: decision ?? aggregate(question, candidates, options), consulted, costUsd, rounds: round, explore }
}
