// What the fan-out takes and what it reports per provider.
import type { CircuitBreakers } from './circuit-breaker.js'
import type { ProviderStats } from './provider-stats.js'
import type { Completion, CompletionRequest, Provider, ProviderError, Usage } from '../providers/types.js'

export type WaitFor = 'all' | 'quorum' | 'first'

export type OutcomeStatus = 'ok' | 'error' | 'timeout' | 'skipped'

export interface ProviderOutcome {
  provider: Provider
  status: OutcomeStatus
  completion: Completion | null
  /** The final error (or the reason it was skipped: errorClass 'circuit_open', 'cancelled', 'over_budget'). */
  error: { errorClass: string, message: string, status?: number } | null
  latencyMs: number
  /** Calls made to the provider, retries included. */
  attempts: number
  /** Tokens the failed attempts used, when the provider reported them (not billed as an answer). */
  failedUsage: Usage | null
}

export interface FanOutOptions {
  /** Absolute time (ms since epoch, from the injected clock) by which every call must end. */
  deadlineAt: number
  /** Budget of one provider's call (all attempts), capped by the deadline. */
  providerTimeoutMs: number
  waitFor: WaitFor
  /** Fires when the client goes away: every upstream call is aborted. */
  signal: AbortSignal
  /** Read answers as streams where the provider supports it (tokens are forwarded to onToken). */
  stream: boolean
  onToken?: (providerId: string, text: string) => void
  /** Called once per provider as soon as its outcome is known. */
  onOutcome?: (outcome: ProviderOutcome) => void
  /** For waitFor 'quorum': do these successful outcomes agree enough to answer now? */
  agreed?: (done: ProviderOutcome[], total: number) => boolean
  /** Skip providers whose circuit is open; record every outcome. */
  breakers?: CircuitBreakers
  /** Rolling success rate and latency per provider. */
  stats?: ProviderStats
}

export interface FanOut {
  run: (providers: Provider[], request: CompletionRequest, options: FanOutOptions) => Promise<ProviderOutcome[]>
}

export type { Completion, CompletionRequest, Provider, ProviderError }
