// What the fan-out takes and what it reports per provider.
import type { CircuitBreakers } from './circuit-breaker.js'
import type { ProviderStats } from './provider-stats.js'
import type { Completion, CompletionRequest, Provider, ProviderError, Usage } from '../providers/types.js'

export type WaitFor = 'all' | 'quorum' | 'first'

export type OutcomeStatus = 'ok' | 'error' | 'timeout' | 'skipped'

/** How hard the service tries with each provider, and when it stops trying. */
export interface ResilienceSettings {
  /** Calls per provider per question, the first one included; a circuit probe always gets exactly one. */
  maxAttempts: number
  /** First back-off window; each retry doubles it, up to `retryMaxDelayMs` (full jitter: a random wait within the window). */
  retryBaseDelayMs: number
  retryMaxDelayMs: number
  /** Limit of a single attempt, so a hung call can be retried inside the provider's budget; unset: one attempt may use the whole budget. */
  attemptTimeoutMs?: number
  /** Streams: longest wait for the first event of an answer. */
  firstTokenTimeoutMs: number
  /** Streams: longest silence between two events once the answer has started. */
  streamIdleTimeoutMs: number
  /** Consecutive failed questions that open a provider's circuit. */
  breakerFailures: number
  /** How long an open circuit skips its provider before one probe is let through. */
  breakerCoolDownMs: number
  /** Race a second request when a provider is slower than its recent p90 (non-streamed calls only). */
  hedge: boolean
}

export const DEFAULT_RESILIENCE: ResilienceSettings = {
  maxAttempts: 3,
  retryBaseDelayMs: 250,
  retryMaxDelayMs: 4000,
  firstTokenTimeoutMs: 15000,
  streamIdleTimeoutMs: 10000,
  breakerFailures: 5,
  breakerCoolDownMs: 30000,
  hedge: false
}

export interface ProviderOutcome {
  provider: Provider
  status: OutcomeStatus
  completion: Completion | null
  /** The final error (or the reason it was skipped: errorClass 'circuit_open', 'cancelled'). */
  error: { errorClass: string, message: string, status?: number } | null
  latencyMs: number
  /** Calls made to the provider, retries and a hedged request included. */
  attempts: number
  /** Tokens the failed attempts used, when the provider reported them (not billed as an answer). */
  failedUsage: Usage | null
  /** A second, racing request was sent because the first was slower than the provider's recent p90. */
  hedged?: boolean
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
  /** Rolling success rate and latency per provider (also what hedging compares against). */
  stats?: ProviderStats
  /** Retries, attempt and stream limits, hedging; DEFAULT_RESILIENCE fills what is left out. */
  resilience?: Partial<ResilienceSettings>
  /** Where a hedged request goes: an equivalent provider (same kind and model), or the provider itself when undefined. */
  hedgeTarget?: (provider: Provider) => Provider | undefined
  /** Jitter source, in [0, 1). */
  random?: () => number
}

export interface FanOut {
  run: (providers: Provider[], request: CompletionRequest, options: FanOutOptions) => Promise<ProviderOutcome[]>
}

export type { Completion, CompletionRequest, Provider, ProviderError }
