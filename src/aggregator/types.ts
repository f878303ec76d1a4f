// Input and output of aggregate(): what the fan-out hands over, what the service returns.

export const STRATEGIES = ['auto', 'vote', 'consensus', 'best', 'synthesize', 'fastest', 'cascade'] as const
export type Strategy = (typeof STRATEGIES)[number]

export type CandidateStatus = 'ok' | 'error' | 'timeout' | 'skipped'

export interface CandidateInput {
  provider: string
  model: string
  status: CandidateStatus
  /** Full answer text ('' when the call failed). */
  text: string
  /** Normalised finish reason of the provider ('stop' | 'length' | 'content_filter' | 'other'). */
  finishReason?: string
  latencyMs?: number
  /** Configured provider weight (default 1). */
  weight?: number
  /** Recent success rate of the provider in 0..1 (default 1 when unknown). */
  trackRecord?: number
  /** Calls made to the provider for this answer (retries included); named in warnings when more than one. */
  attempts?: number
  /** Error class when status is error/timeout/skipped (e.g. 'rate_limited', 'circuit_open'). */
  errorClass?: string
  /**
   * The provider's own estimate that its text answers the question (the course notes say how well
   * their passages match); used when it is the only usable answer.
   */
  selfConfidence?: number
  /** What asking this provider costs (US dollars): the cascade asks the cheapest first. */
  costUsd?: number
  /** True for the offline course-notes provider, whose "not covered" answers are low-score by design. */
  lowCoverage?: boolean
  /**
   * Reference material rather than an independent model (the course notes): it grounds and checks
   * the models' answers but never votes, as long as at least one model answered.
   */
  evidence?: boolean
}

export interface Scores {
  consensus: number
  relevance: number
  quality: number
  prior: number
  total: number
}

export type Flag = 'error' | 'empty' | 'refusal' | 'partial_refusal' | 'junk' | 'truncated' | 'off_topic' | 'outlier' |
'duplicate' | 'disclaimer' | 'low_coverage' | 'skipped' | 'evidence' | 'supported' | 'contradicted' | 'wrong_language'

export interface CandidateVerdict {
  provider: string
  scores: Scores
  flags: Flag[]
  /** null when the candidate took part; else the reason it was left out (one of the flags). */
  filtered: string | null
  /** The extracted short answer (vote), normalised, or null. */
  extracted: string | null
}

/** What the service has learned about one provider (see src/trust/): an input, so aggregate() stays pure. */
export interface ProviderReliability {
  /** Estimated probability that its short answers are right, 0..1. */
  accuracy: number
  /** Its open answers' quality relative to the other providers', centred on 0 (roughly −1..1). */
  quality: number
  /** What people's ratings say of it, −1 (always down) to 1 (always up); 0 without ratings. */
  feedback?: number
  /** How many ratings that rests on (decayed as the rest of the record). */
  ratings?: number
  /** Questions this rests on. */
  questions?: number
  /**
   * How long its answers to short-answer questions usually run, in words (a decayed geometric mean);
   * absent until a few have been seen. A question whose solutions all run longer than their
   * providers' usual is a harder one, and a confident vote on it is less often right.
   */
  typicalWords?: number
}

export interface AggregateOptions {
  strategy: Strategy
  /** Learned reliability per provider id; providers without an entry get the neutral prior. */
  reliability?: Readonly<Record<string, ProviderReliability>>
}

/**
 * What one question teaches about each provider that answered it, without labels: for short answers
 * the posterior probability that its answer is the right one, for open answers how its answer's form
 * and agreement compare with the others' (a z-score).
 */
export interface LearningSignal {
  kind: 'short' | 'open'
  /** `words`: the length of the provider's answer (short answers), what its typical length is learned from. */
  signals: { provider: string, value: number, words?: number }[]
}

export interface Decision {
  answer: string
  /** The strategy actually used (auto resolves to vote or best; a cascade decides each round with auto). */
  strategy: Exclude<Strategy, 'auto' | 'cascade'>
  confidence: number
  chosen: { provider: string, model: string } | null
  /** Canonical short answer when the answer type is short, else null. */
  normalized: string | null
  answerType: 'short' | 'free'
  /**
   * The evidence confidence is computed from: the winning answer's weighted vote share (short
   * answers) or the chosen answer's weighted mean similarity to the others (free text); null with
   * fewer than two usable answers.
   */
  agreement?: number | null
  /**
   * Short answers: the probability that the chosen answer is right given who said what and what is
   * known of each provider (one-coin Dawid–Skene), before the display caps; null for free text.
   */
  posterior?: number | null
  /** One per input candidate, same order. */
  candidates: CandidateVerdict[]
  /** Plain-words notes for the reader: each provider that failed, was skipped or left out and why; a refusal answer. */
  warnings: string[]
  /** True when most usable answers declined and the answer given is a refusal. */
  refused: boolean
  /** Label-free evidence about each provider, for the learner; null when nothing can be learned. */
  learning: LearningSignal | null
}

/** A chat message of the synthesis prompt; structurally a provider ChatMessage. */
export interface SynthesisMessage {
  role: 'system' | 'user'
  content: string
}
