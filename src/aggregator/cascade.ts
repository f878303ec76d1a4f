// The cascade: ask the cheapest providers first and the dearer ones only while the answer is not
// settled (FrugalGPT-style escalation). Pure: which providers go in which round, and when to stop.

import { ANSWER_CLASSES, NEUTRAL_RELIABILITY, aggregate } from './index.js'
import { evidenceOf } from './confidence.js'
import type { AggregateOptions, CandidateInput, Decision, ProviderReliability } from './types.js'

/** Confidence at which an answer is settled and no dearer provider is asked. */
export const CASCADE_SETTLED = 0.6
/** The first round asks this many paid providers, so that agreement can settle it. */
const FIRST_ROUND_PAID = 2

/**
 * A provider the service has seen answer fewer questions than this is asked in the first round: the
 * cascade can only judge "settled" with providers whose record it knows, and a provider never asked
 * would never get a record.
 */
export const CASCADE_WARM_UP = 20

/**
 * Every this-many questions the cascade asks everyone. What it learns from the providers must come
 * from questions where all of them answered: a cheap provider asked on every question and a dear one
 * asked only on the hard ones would otherwise be judged on different questions.
 */
export const CASCADE_EXPLORE_EVERY = 30
/**
 * Once this many questions are decided the records are firm, and asking everyone only has to notice a
 * provider that changes: one question in CASCADE_EXPLORE_LATER is enough for that and costs little
 * (on the GSM8K dev file, exploring every 30th then every 80th question instead of every 15th then
 * 40th: 50.9 % of asking everyone's cost instead of 51.7 %, accuracy unchanged; docs/quality.md).
 */
export const CASCADE_EXPLORE_FIRM_AFTER = 150
export const CASCADE_EXPLORE_LATER = 80

/** Whether this question (the service's n-th) is one where everyone is asked. */
export function isExploration (decided: number): boolean {
  return decided % (decided < CASCADE_EXPLORE_FIRM_AFTER ? CASCADE_EXPLORE_EVERY : CASCADE_EXPLORE_LATER) === 0
}

export interface CascadePlan {
  rounds: string[][]
  /**
   * Everyone is asked in one round: an exploration question, or a paid provider whose record is
   * still short. Only such questions teach reliability: a question the cascade settled early, or
   * escalated because it was hard, would judge the dear providers on the hard questions alone.
   */
  explore: boolean
}

/** The rounds for the service's n-th question (`decided` questions before it). */
export function planCascade (options: readonly CascadeOption[], decided: number): CascadePlan {
  const warmingUp = options.some(o => o.expectedCostUsd > 0 && (o.questions ?? 0) < CASCADE_WARM_UP)
  if (isExploration(decided) || warmingUp) return { rounds: [options.map(o => o.id)], explore: true }
  return { rounds: cascadeRounds(options), explore: false }
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
  /** Questions its record rests on; below CASCADE_WARM_UP it is asked in the first round. */
  questions?: number
}

/**
 * Rounds of provider ids: every free provider and the two cheapest paid ones first, then one more
 * provider per round, cheapest first. Among providers of about the same price the one with the
 * better record goes first; full ties keep the configured order, so the plan never depends on timing.
 * Cost and record, never a name, decide the order.
 */
export function cascadeRounds (options: readonly CascadeOption[]): string[][] {
  const remaining = options.map((o, i) => ({ ...o, i }))
  const next = (): (typeof remaining)[number] | undefined => {
    if (remaining.length === 0) return undefined
    const cheapest = Math.min(...remaining.map(o => o.expectedCostUsd))
    const band = remaining.filter(o => o.expectedCostUsd <= cheapest * PRICE_CLASS)
    band.sort((a, b) => (b.accuracy ?? 0) - (a.accuracy ?? 0) || a.expectedCostUsd - b.expectedCostUsd || a.i - b.i)
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
    const pick = next()
    if (pick !== undefined) first.push(pick.id)
  }
  const rounds = first.length > 0 ? [first] : []
  for (let pick = next(); pick !== undefined; pick = next()) rounds.push([pick.id])
  return rounds
}

/**
 * Settled: the answer so far is probably right given what is known of the providers who gave it
 * (the posterior for short answers, the confidence for free text), or, for a short answer, asking on
 * would not pay:
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
  if (decision.answerType !== 'short') return decision.confidence >= settledAt && (next === undefined || bestWriter(decision.chosen.provider, next.later ?? next.providers, next.reliability))
  if ((decision.posterior ?? decision.confidence) >= settledAt) return true
  if (next === undefined || next.providers.length === 0 || decision.answerType !== 'short' || decision.normalized === null) return false
  return cannotChange(decision, next.providers, next.reliability) || bestBacked(decision, next.later ?? next.providers, next.reliability)
}

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
  const record = (id: string): number => {
    const r = reliability?.[id] ?? NEUTRAL_RELIABILITY
    return r.quality + (r.feedback ?? 0)
  }
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
  const { rounds, explore } = planCascade(candidates.map(c => ({
    id: c.provider, expectedCostUsd: c.costUsd ?? 0, accuracy: reliability?.[c.provider]?.accuracy, questions: reliability?.[c.provider]?.questions
  })), decided)
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
