// Online learning over recorded questions, in order: question k is decided knowing only questions
// 1..k−1 and the ratings given on them. The offline tools and the evaluation use this; the service
// does the same one question at a time.

import { aggregate } from '../aggregator/index.js'
import { runCascade } from '../aggregator/cascade.js'
import type { AggregateOptions, CandidateInput, Decision, Strategy } from '../aggregator/types.js'
import { countDecision, learnFromDecision, learnFromFeedback, reliabilities, type Rating, type TrustState, emptyTrust } from './reliability.js'

export interface RecordedQuestion {
  id: string
  question: string
  candidates: CandidateInput[]
}

export interface RecordedRating {
  provider: string
  rating: Rating
}

export interface ReplayStep {
  record: RecordedQuestion
  decision: Decision
  cascade?: { consulted: string[], costUsd: number }
  /** The state the decision was made with. */
  before: TrustState
}

/** Decides one question with what `state` knows, then learns from it and from the ratings given on it. */
export function decideAndLearn (state: TrustState, record: RecordedQuestion, strategy: Strategy, ratings: readonly RecordedRating[] = [], settledAt?: number): {
  decision: Decision
  state: TrustState
  /** With the cascade: the providers asked, in order, and what they cost. */
  cascade?: { consulted: string[], costUsd: number }
} {
  const options: AggregateOptions = { strategy, reliability: reliabilities(state) }
  const cascade = strategy === 'cascade'
    ? runCascade(record.question, record.candidates, options.reliability, settledAt, state.decided ?? 0)
    : null
  const decision = cascade?.decision ?? aggregate(record.question, record.candidates, options)
  // A cascade learns from agreement only where it asked everyone by plan (see CascadePlan).
  let next = cascade === null || cascade.explore ? learnFromDecision(state, decision.learning) : countDecision(state)
  const kind = decision.learning?.kind ?? (decision.answerType === 'short' ? 'short' : 'open')
  for (const { provider, rating } of ratings) next = learnFromFeedback(next, provider, rating, kind)
  return { decision, state: next, ...(cascade === null ? {} : { cascade: { consulted: cascade.consulted, costUsd: cascade.costUsd } }) }
}

/** Decides each question, then learns from it and from the ratings given on it. */
export function * replay (
  records: Iterable<RecordedQuestion>,
  options: { strategy: Strategy, ratings?: (id: string) => readonly RecordedRating[], initial?: TrustState, settledAt?: number }
): Generator<ReplayStep> {
  let state = options.initial ?? emptyTrust()
  for (const record of records) {
    const before = state
    const step = decideAndLearn(state, record, options.strategy, options.ratings?.(record.id), options.settledAt)
    state = step.state
    yield { record, decision: step.decision, before, ...(step.cascade === undefined ? {} : { cascade: step.cascade }) }
  }
}
