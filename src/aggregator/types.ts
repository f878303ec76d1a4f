// Input and output of aggregate(): what the fan-out hands over, what the service returns.

export const STRATEGIES = ['auto', 'vote', 'consensus', 'best', 'synthesize', 'fastest'] as const
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
  /** Error class when status is error/timeout/skipped (e.g. 'rate_limited', 'circuit_open'). */
  errorClass?: string
  /** True for the offline course-notes provider, whose "not covered" answers are low-score by design. */
  lowCoverage?: boolean
}

export interface Scores {
  consensus: number
  relevance: number
  quality: number
  prior: number
  total: number
}

export type Flag = 'error' | 'empty' | 'refusal' | 'truncated' | 'off_topic' | 'outlier' | 'duplicate' | 'disclaimer' | 'low_coverage' | 'skipped'

export interface CandidateVerdict {
  provider: string
  scores: Scores
  flags: Flag[]
  /** null when the candidate took part; else the reason it was left out (one of the flags). */
  filtered: string | null
  /** The extracted short answer (vote), normalised, or null. */
  extracted: string | null
}

export interface AggregateOptions {
  strategy: Strategy
}

export interface Decision {
  answer: string
  /** The strategy actually used (auto resolves to vote or consensus). */
  strategy: Exclude<Strategy, 'auto'>
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
  /** One per input candidate, same order. */
  candidates: CandidateVerdict[]
}

/** A chat message of the synthesis prompt; structurally a provider ChatMessage. */
export interface SynthesisMessage {
  role: 'system' | 'user'
  content: string
}
