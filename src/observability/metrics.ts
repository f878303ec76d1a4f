// The service's Prometheus metrics: one registry per app (tests build many apps in one process) plus the process's own.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { CircuitState } from '../../schemas/providers.js'
import type { Provider } from '../providers/types.js'
import { reliabilityOf, type TrustState } from '../trust/reliability.js'

const PREFIX = 'iscoolgpt_'

const CIRCUIT_VALUES: Record<CircuitState, number> = { closed: 0, half_open: 1, open: 2 }

let processRegistry: Registry | undefined

/**
 * CPU, memory, event-loop lag, handles and GC belong to the process, not to an app: they are collected
 * once into a registry every app's scrape appends, because each collection starts observers that are
 * never stopped.
 */
function processMetrics (): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry()
    collectDefaultMetrics({ register: processRegistry })
  }
  return processRegistry
}

export interface CircuitSource {
  state: (providerId: string) => CircuitState
}

export class ServiceMetrics {
  readonly registry = new Registry()

  readonly httpRequests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry]
  })

  readonly httpDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time from receiving a request to finishing its response, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry]
  })

  readonly providerCalls = new Counter({
    name: `${PREFIX}provider_calls_total`,
    help: 'Upstream calls to each provider (every attempt: retries, hedged requests and synthesis included), by outcome: ok, error, or cancelled when the answer no longer needed it.',
    labelNames: ['provider', 'model', 'outcome'] as const,
    registers: [this.registry]
  })

  readonly providerCallDuration = new Histogram({
    name: `${PREFIX}provider_call_duration_seconds`,
    help: 'Duration of each upstream call, by provider and outcome.',
    labelNames: ['provider', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
    registers: [this.registry]
  })

  readonly providerErrors = new Counter({
    name: `${PREFIX}provider_errors_total`,
    help: 'Failed upstream calls, by provider and error class (timeout, rate_limited, unavailable, auth, network, ...).',
    labelNames: ['provider', 'error_class'] as const,
    registers: [this.registry]
  })

  readonly providerTokens = new Counter({
    name: `${PREFIX}provider_tokens_total`,
    help: 'Tokens of successful upstream calls as the provider reported them, by type: prompt, completion, reasoning (reasoning is part of completion where the API counts it so).',
    labelNames: ['provider', 'model', 'type'] as const,
    registers: [this.registry]
  })

  readonly providerFailedTokens = new Counter({
    name: `${PREFIX}provider_failed_attempt_tokens_total`,
    help: 'Tokens that failed attempts used when the provider reported them; never part of an answer\'s cost.',
    labelNames: ['provider', 'type'] as const,
    registers: [this.registry]
  })

  readonly providerCost = new Counter({
    name: `${PREFIX}provider_cost_usd_total`,
    help: 'Cost in US dollars of successful upstream calls, from the price table.',
    labelNames: ['provider', 'model'] as const,
    registers: [this.registry]
  })

  readonly providerOutcomes = new Counter({
    name: `${PREFIX}provider_outcomes_total`,
    help: 'What each provider contributed to each question: status ok, error, timeout or skipped, with the reason (error class, circuit_open, over_budget, cancelled).',
    labelNames: ['provider', 'status', 'reason'] as const,
    registers: [this.registry]
  })

  readonly asks = new Counter({
    name: `${PREFIX}asks_total`,
    help: 'Questions handled, by the strategy used, outcome (answered, failed, rejected) and whether the answer came from the cache.',
    labelNames: ['strategy', 'outcome', 'cached'] as const,
    registers: [this.registry]
  })

  readonly askDuration = new Histogram({
    name: `${PREFIX}ask_duration_seconds`,
    help: 'Time to answer a question, by whether it came from the cache.',
    labelNames: ['cached'] as const,
    buckets: [0.001, 0.005, 0.025, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
    registers: [this.registry]
  })

  readonly confidence = new Histogram({
    name: `${PREFIX}ask_confidence`,
    help: 'Confidence of answered questions (0..1), by strategy used.',
    labelNames: ['strategy'] as const,
    buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
    registers: [this.registry]
  })

  readonly askCost = new Counter({
    name: `${PREFIX}ask_cost_usd_total`,
    help: 'Cost in US dollars of answered questions (cached answers cost nothing).',
    registers: [this.registry]
  })

  readonly cacheHits = new Counter({
    name: `${PREFIX}cache_hits_total`,
    help: 'Answers served from the answer cache, by the store that had them (memory, redis).',
    labelNames: ['store'] as const,
    registers: [this.registry]
  })

  readonly cacheMisses = new Counter({
    name: `${PREFIX}cache_misses_total`,
    help: 'Cache look-ups that found nothing, so the providers were asked.',
    registers: [this.registry]
  })

  readonly cacheBypasses = new Counter({
    name: `${PREFIX}cache_bypasses_total`,
    help: 'Questions that skipped the cache because the request said Cache-Control: no-cache or no-store.',
    registers: [this.registry]
  })

  readonly cacheCoalesced = new Counter({
    name: `${PREFIX}cache_coalesced_total`,
    help: 'Questions that joined an identical question already being answered instead of asking the providers again.',
    registers: [this.registry]
  })

  readonly cacheErrors = new Counter({
    name: `${PREFIX}cache_errors_total`,
    help: 'Cache operations that failed (the request went on without the cache), by operation: get, set.',
    labelNames: ['operation'] as const,
    registers: [this.registry]
  })

  readonly cacheStores = new Counter({
    name: `${PREFIX}cache_stores_total`,
    help: 'Answers written to the cache.',
    registers: [this.registry]
  })

  private circuits: { providers: () => Provider[], source: CircuitSource } | undefined

  private readonly circuitState: Gauge<'provider'> = new Gauge({
    name: `${PREFIX}provider_circuit_state`,
    help: 'Circuit breaker state per provider: 0 closed, 1 half-open (a probe may go through), 2 open (skipped).',
    labelNames: ['provider'] as const,
    registers: [this.registry],
    // Read at each scrape, so the gauge never disagrees with the breakers.
    collect: () => {
      if (this.circuits === undefined) return
      for (const p of this.circuits.providers()) this.circuitState.set({ provider: p.id }, CIRCUIT_VALUES[this.circuits.source.state(p.id)])
    }
  })

  /** Reports the circuit of every configured provider at each scrape. */
  watchCircuits (providers: () => Provider[], source: CircuitSource): void {
    this.circuits = { providers, source }
  }

  readonly cascadeRounds = new Histogram({
    name: `${PREFIX}cascade_rounds`,
    help: 'Rounds of providers a cascade question needed.',
    buckets: [1, 2, 3, 4, 5, 6, 8],
    registers: [this.registry]
  })

  readonly cascadeSaved = new Counter({
    name: `${PREFIX}cascade_saved_usd_total`,
    help: 'Expected cost (US dollars) of the providers a cascade did not need to ask, against asking everyone.',
    registers: [this.registry]
  })

  readonly providerReliability = new Gauge({
    name: `${PREFIX}provider_reliability`,
    help: 'Learned reliability per provider: measure "accuracy" (probability its short answers are right) or "quality" (its open answers against the others\', centred on 0).',
    labelNames: ['provider', 'measure'] as const,
    registers: [this.registry]
  })

  readonly providerLearnedQuestions = new Gauge({
    name: `${PREFIX}provider_learned_questions`,
    help: 'Questions each provider\'s learned reliability rests on.',
    labelNames: ['provider'] as const,
    registers: [this.registry]
  })

  readonly providerFeedback = new Gauge({
    name: `${PREFIX}provider_feedback`,
    help: 'Ratings people gave each provider\'s answers, all time, by rating (up or down).',
    labelNames: ['provider', 'rating'] as const,
    registers: [this.registry]
  })

  /** Mirrors the learned state; called whenever it changes. */
  recordTrust (state: TrustState): void {
    for (const [provider, trust] of Object.entries(state.providers)) {
      const reliability = reliabilityOf(trust)
      this.providerReliability.set({ provider, measure: 'accuracy' }, reliability.accuracy)
      this.providerReliability.set({ provider, measure: 'quality' }, reliability.quality)
      this.providerLearnedQuestions.set({ provider }, trust.questions)
      this.providerFeedback.set({ provider, rating: 'up' }, trust.up)
      this.providerFeedback.set({ provider, rating: 'down' }, trust.down)
    }
  }

  /** The Prometheus text exposition of this app's metrics followed by the process's. */
  async text (): Promise<string> {
    const [own, proc] = await Promise.all([this.registry.metrics(), processMetrics().metrics()])
    return `${own.endsWith('\n') ? own : `${own}\n`}${proc}`
  }

  get contentType (): string {
    return this.registry.contentType
  }
}
