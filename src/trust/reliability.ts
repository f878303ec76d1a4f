// Learning which provider to trust: per-provider reliability from label-free agreement over past
// questions and from people's ratings. Pure functions over a plain state object, shared by the
// service and `npm run aggregate`, so the offline replay learns exactly as the service does.

import type { LearningSignal, ProviderReliability } from '../aggregator/types.js'

export interface ProviderTrust {
  /** Decayed sum of the posterior that its short answers were right, and of short questions seen. */
  shortRight: number
  shortSeen: number
  /** Decayed sum of its open answers' standing (z-scores), and of open questions seen. */
  openStanding: number
  openSeen: number
  /** Decayed sum of the log length (log(1 + words)) of its short answers, and of the short answers it was learned from. */
  shortLogWords: number
  shortWordsSeen: number
  /** Ratings received, all time (what people see) and decayed (what decisions use). */
  up: number
  down: number
  recentUp: number
  recentDown: number
  /** Questions it answered that were learned from, all time. */
  questions: number
  updatedAt: number
}

export interface TrustState {
  version: 1
  providers: Record<string, ProviderTrust>
  /** Questions decided so far (what the cascade's exploration counts). */
  decided?: number
}

export type Rating = 'up' | 'down'

/**
 * Each question a provider answers multiplies its older evidence by this, so the last ~100
 * questions dominate: a provider whose model changes is re-learned within a few dozen questions.
 */
export const DECAY = 0.99
/** Pseudo-counts of the prior: a new provider starts at accuracy 0.6 and quality 0, worth this many questions. */
export const PRIOR_QUESTIONS = 5
export const PRIOR_ACCURACY = 0.6
/**
 * A rating is a supervised signal: it counts as this many label-free questions. An "up" says the
 * answer was right (short) or better than the others (open); a "down" the opposite.
 */
export const FEEDBACK_WEIGHT = 4
/** Short answers seen before a provider's typical length is trusted. */
export const TYPICAL_LENGTH_AFTER = 3

export function emptyTrust (): TrustState {
  return { version: 1, providers: {} }
}

function blank (now: number): ProviderTrust {
  return { shortRight: 0, shortSeen: 0, openStanding: 0, openSeen: 0, shortLogWords: 0, shortWordsSeen: 0, up: 0, down: 0, recentUp: 0, recentDown: 0, questions: 0, updatedAt: now }
}

function entry (state: TrustState, provider: string, now: number): ProviderTrust {
  let trust = state.providers[provider]
  if (trust === undefined) {
    trust = blank(now)
    state.providers[provider] = trust
  }
  return trust
}

/** A copy that can be changed without touching the original (the state is small: a few providers). */
function copy (state: TrustState): TrustState {
  const providers: Record<string, ProviderTrust> = {}
  for (const [id, trust] of Object.entries(state.providers)) providers[id] = { ...trust }
  return { version: 1, providers, decided: state.decided ?? 0 }
}

/** One more question decided, whether or not anything could be learned from it. */
export function countDecision (state: TrustState): TrustState {
  const next = copy(state)
  next.decided = (state.decided ?? 0) + 1
  return next
}

/** Learns from one decided question: each provider's evidence decays, then the new signal is added. */
export function learnFromDecision (state: TrustState, learning: LearningSignal | null, now = 0): TrustState {
  if (learning === null || learning.signals.length === 0) return countDecision(state)
  const next = countDecision(state)
  for (const { provider, value, words } of learning.signals) {
    const trust = entry(next, provider, now)
    decay(trust)
    if (learning.kind === 'short') {
      trust.shortRight += value
      trust.shortSeen += 1
      if (words !== undefined && Number.isFinite(words) && words >= 0) {
        trust.shortLogWords += Math.log1p(words)
        trust.shortWordsSeen += 1
      }
    } else {
      trust.openStanding += value
      trust.openSeen += 1
    }
    trust.questions += 1
    trust.updatedAt = now
  }
  return next
}

function decay (trust: ProviderTrust): void {
  trust.shortRight *= DECAY
  trust.shortSeen *= DECAY
  trust.openStanding *= DECAY
  trust.openSeen *= DECAY
  trust.shortLogWords *= DECAY
  trust.shortWordsSeen *= DECAY
  trust.recentUp *= DECAY
  trust.recentDown *= DECAY
}

/** Learns from a person's rating of one provider's answer; `kind` is the kind of question it was. */
export function learnFromFeedback (state: TrustState, provider: string, rating: Rating, kind: 'short' | 'open', now = 0): TrustState {
  const next = copy(state)
  const trust = entry(next, provider, now)
  if (rating === 'up') {
    trust.up += 1
    trust.recentUp += 1
  } else {
    trust.down += 1
    trust.recentDown += 1
  }
  // On short answers a rating says right or wrong, which is what accuracy counts; on open answers it
  // has a term of its own in the decision (reliabilityOf's `feedback`).
  if (kind === 'short') {
    trust.shortRight += rating === 'up' ? FEEDBACK_WEIGHT : 0
    trust.shortSeen += FEEDBACK_WEIGHT
  }
  trust.updatedAt = now
  return next
}

/** What the aggregator uses: the evidence shrunk towards the prior by how little of it there is. */
export function reliabilityOf (trust: ProviderTrust | undefined): ProviderReliability {
  if (trust === undefined) return { accuracy: PRIOR_ACCURACY, quality: 0, feedback: 0, questions: 0 }
  return {
    accuracy: (trust.shortRight + PRIOR_ACCURACY * PRIOR_QUESTIONS) / (trust.shortSeen + PRIOR_QUESTIONS),
    quality: trust.openStanding / (trust.openSeen + PRIOR_QUESTIONS),
    // Recent ups minus downs over their number, shrunk by one pseudo-rating: one "up" is not a verdict.
    feedback: (trust.recentUp - trust.recentDown) / (trust.recentUp + trust.recentDown + 1),
    ratings: trust.recentUp + trust.recentDown,
    questions: trust.questions,
    // A decayed count: three answers weigh a little under 3.
    ...(trust.shortWordsSeen >= TYPICAL_LENGTH_AFTER * DECAY ** TYPICAL_LENGTH_AFTER ? { typicalWords: Math.expm1(trust.shortLogWords / trust.shortWordsSeen) } : {})
  }
}

export function reliabilities (state: TrustState): Record<string, ProviderReliability> {
  const out: Record<string, ProviderReliability> = {}
  for (const [id, trust] of Object.entries(state.providers)) out[id] = reliabilityOf(trust)
  return out
}

/** Reads a stored state, keeping only well-formed provider entries; throws when it is not a state at all. */
export function parseTrust (raw: unknown): TrustState {
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== 1) throw new Error('not a version 1 trust state')
  const providers = (raw as { providers?: unknown }).providers
  if (typeof providers !== 'object' || providers === null) throw new Error('"providers" is missing')
  const out: TrustState = emptyTrust()
  const decided = (raw as { decided?: unknown }).decided
  if (typeof decided === 'number' && Number.isInteger(decided) && decided >= 0) out.decided = decided
  for (const [id, value] of Object.entries(providers as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) continue
    const trust = blank(0)
    for (const key of Object.keys(trust) as (keyof ProviderTrust)[]) {
      const field = (value as Record<string, unknown>)[key]
      if (typeof field === 'number' && Number.isFinite(field) && field >= (key === 'openStanding' ? -Infinity : 0)) trust[key] = field
    }
    out.providers[id] = trust
  }
  return out
}
