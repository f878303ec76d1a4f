// The ask as the routes see it: the pipeline behind the budget check, the answer cache and single flight,
// with every ask counted (metrics), timed (Server-Timing) and logged on one line.
import type { FastifyBaseLogger } from 'fastify'
import type { AskResponse, Candidate } from '../../schemas/ask.js'
import { estimatePromptTokens, splitByBudget, type OverBudget } from '../costs/budget.js'
import type { PriceTable } from '../costs/price-table.js'
import { HttpProblem, ProblemType } from '../http/problem.js'
import { askLogLine, cachedEntries, providerEntry, skippedEntry, type AskOutcome, type ProviderLogEntry } from '../observability/ask-log.js'
import type { ServiceMetrics } from '../observability/metrics.js'
import type { AskTimings } from '../observability/server-timing.js'
import type { Provider } from '../providers/types.js'
import { AskService, SYNTHESIS_FALLBACK, uncalledCandidate, type AskHooks, type AskInput, type AskServiceDeps, type AskTrace } from '../services/ask-service.js'
import { tutorMessages } from '../services/prompts.js'
import type { AnswerCache } from './answer-cache.js'
import { answerCacheKey } from './cache-key.js'
import { SingleFlight } from './single-flight.js'

export interface AnswerHooks extends AskHooks {
  /** From the request's Cache-Control: `noCache` skips the look-up (the answer is still stored), `noStore` also skips storing. */
  cacheControl?: { noCache: boolean, noStore: boolean }
  /** The API client's name, for the log line. */
  client?: string | null
  /** The request's logger (it carries the request id and client); the service's own otherwise. */
  log?: FastifyBaseLogger
  /** Fields that lead the ask's log line (the HTTP request, through the logger's serializers). */
  logFields?: Record<string, unknown>
  /** Called once the ask is over, answered or not: where the time went. */
  onTimings?: (timings: AskTimings) => void
}

export interface CachedAskServiceDeps extends AskServiceDeps {
  prices: PriceTable
  cache: AnswerCache
  metrics?: ServiceMetrics
}

/** Failures that may be gone on the next try: an answer that lacks such a provider is not kept for later askers. */
const PASSING_FAILURES = new Set(['timeout', 'rate_limited', 'unavailable', 'network', 'invalid_response', 'truncated', 'circuit_open'])

/** Whether an answer may be served again: complete as far as the providers' health goes, and no strategy fell back. */
export function isCacheable (response: AskResponse): boolean {
  return !response.warnings.some(w => w.startsWith(SYNTHESIS_FALLBACK)) && response.candidates.every(c => c.error === null || !PASSING_FAILURES.has(c.error.type))
}

/** One ask as it goes through this layer. */
interface Run {
  id: string
  hooks: AnswerHooks
  started: number
  timings: AskTimings
  strategy: string
  /** Set when this ask ran the pipeline itself. */
  trace?: AskTrace
  over: OverBudget[]
  maxCostUsd?: number
}

/** Dollars with three significant digits however small: `$0.000979`, `$1.3`, `$0.0000001`. */
function usd (value: number): string {
  if (value <= 0) return '$0'
  const decimals = Math.min(12, Math.max(2, 2 - Math.floor(Math.log10(value))))
  return `$${value.toFixed(decimals).replace(/\.?0+$/, '')}`
}

function overBudgetCandidate (over: OverBudget, maxCostUsd: number): Candidate {
  return uncalledCandidate(over.provider, 'over_budget', `expected cost ${usd(over.expectedCostUsd)} is over maxCostUsd ${usd(maxCostUsd)}`)
}

function outcomeOf (err: unknown): { outcome: AskOutcome, status: number } {
  if (!(err instanceof HttpProblem)) return { outcome: 'failed', status: 500 }
  const { status } = err.init
  if (status === 499) return { outcome: 'cancelled', status }
  return { outcome: status < 500 ? 'rejected' : 'failed', status }
}

export class CachedAskService extends AskService {
  private readonly flights = new SingleFlight<AskResponse>()

  constructor (private readonly own: CachedAskServiceDeps) {
    super(own)
    const unpriced = own.registry.all().filter(p => !own.prices.isPriced(p.kind, p.model))
    if (unpriced.length > 0) {
      own.log.warn({ providers: unpriced.map(p => `${p.id} (${p.model})`) }, 'no price for these models: their calls count as $0 (add them to PRICES_FILE)')
    }
  }

  override async ask (id: string, input: AskInput, hooks: AnswerHooks): Promise<AskResponse> {
    const run: Run = {
      id,
      hooks,
      started: performance.now(),
      timings: { totalMs: 0, cache: 'off', cacheMs: 0 },
      strategy: input.strategy ?? this.own.config.defaultStrategy,
      over: [],
      maxCostUsd: input.maxCostUsd
    }
    let response: AskResponse | undefined
    let failure: unknown
    try {
      response = await this.answer(run, input)
      return response
    } catch (err) {
      failure = err
      throw err
    } finally {
      this.finish(run, input, response, failure)
    }
  }

  private async answer (run: Run, input: AskInput): Promise<AskResponse> {
    const { hooks } = run
    const question = input.question.trim()
    // The pipeline itself turns a blank question into its 400 problem.
    if (question === '') return await this.pipeline(run, input, hooks)
    const selected = this.selectProviders(input.providers)
    let providers = selected
    if (input.maxCostUsd !== undefined) providers = this.affordable(run, question, input, selected, input.maxCostUsd)

    const pipelineInput: AskInput = { ...input, providers: providers.map(p => p.id) }
    const pipelineHooks = this.announcingSkipped(run, selected)
    const { cache } = this.own
    if (!cache.enabled) return this.complete(await this.pipeline(run, pipelineInput, pipelineHooks), run, selected)

    const strategy = input.strategy ?? this.own.config.defaultStrategy
    const key = answerCacheKey({
      question,
      providers: pipelineInput.providers ?? [],
      strategy,
      waitFor: strategy === 'fastest' ? 'first' : input.waitFor ?? 'all',
      history: input.history,
      system: input.system
    })
    const directives = hooks.cacheControl ?? { noCache: false, noStore: false }
    const metrics = this.own.metrics

    if (directives.noCache) {
      run.timings.cache = 'bypass'
      metrics?.cacheBypasses.inc()
      const fresh = await this.pipeline(run, pipelineInput, pipelineHooks)
      if (!directives.noStore) await this.store(run, key, fresh)
      return this.complete(fresh, run, selected)
    }

    const lookupStarted = performance.now()
    const hit = await cache.get(key)
    run.timings.cacheMs += performance.now() - lookupStarted
    if (hit !== undefined) {
      run.timings.cache = 'hit'
      metrics?.cacheHits.inc({ store: hit.store })
      return this.reuse(hit.response, run, question, selected)
    }
    metrics?.cacheMisses.inc()

    const waitStarted = performance.now()
    // The answer is stored before the flight lands, so no identical question can slip in between and ask again.
    const flight = this.flights.run(key, hooks.signal, async signal => {
      const fresh = await this.pipeline(run, pipelineInput, { ...pipelineHooks, signal })
      await this.store(run, key, fresh)
      return fresh
    })
    if (flight.leader) {
      run.timings.cache = 'miss'
      return this.complete(await flight.promise, run, selected)
    }
    run.timings.cache = 'coalesced'
    metrics?.cacheCoalesced.inc()
    const shared = await flight.promise
    run.timings.cacheMs += performance.now() - waitStarted
    return this.reuse(shared, run, question, selected)
  }

  /** The selected providers whose expected cost fits the budget; a problem when none does. */
  private affordable (run: Run, question: string, input: AskInput, selected: Provider[], maxCostUsd: number): Provider[] {
    const messages = tutorMessages(question, input.history)
    if (input.system !== undefined) messages.push({ role: 'system', content: input.system })
    const { affordable, over } = splitByBudget(selected, this.own.prices, estimatePromptTokens(messages), maxCostUsd)
    run.over = over
    if (affordable.length > 0) return affordable
    const cheapest = Math.min(...over.map(o => o.expectedCostUsd))
    throw new HttpProblem({
      status: 400,
      type: ProblemType.validation,
      title: 'Invalid request',
      detail: `No selected provider fits maxCostUsd ${usd(maxCostUsd)}: the cheapest is expected to cost ${usd(cheapest)}.`,
      errors: [{ field: 'body/maxCostUsd', message: `must be at least ${usd(cheapest)} for any selected provider to answer` }]
    })
  }

  /** Streams still announce every selected provider, and the ones over budget as skipped candidates right away. */
  private announcingSkipped (run: Run, selected: Provider[]): AnswerHooks {
    const { hooks } = run
    if (run.over.length === 0 || hooks.onStart === undefined) return hooks
    const onStart = hooks.onStart
    return {
      ...hooks,
      onStart: event => {
        onStart({ id: event.id, providers: selected.map(p => p.id) })
        for (const o of run.over) hooks.onCandidate?.(overBudgetCandidate(o, run.maxCostUsd ?? 0))
      }
    }
  }

  private async pipeline (run: Run, input: AskInput, hooks: AskHooks): Promise<AskResponse> {
    const trace: AskTrace = { providersMs: 0, outcomes: [] }
    run.trace = trace
    const started = performance.now()
    try {
      return await super.ask(run.id, input, { ...hooks, trace })
    } finally {
      run.timings.providersMs = trace.providersMs
      run.timings.aggregateMs = Math.max(0, performance.now() - started - trace.providersMs)
    }
  }

  private async store (run: Run, key: string, response: AskResponse): Promise<void> {
    if (!isCacheable(response)) return
    const started = performance.now()
    await this.own.cache.set(key, response)
    this.own.metrics?.cacheStores.inc()
    run.timings.cacheMs += performance.now() - started
  }

  /** An answer computed for someone else: this request's id, question and time, marked as cached. */
  private reuse (response: AskResponse, run: Run, question: string, selected: Provider[]): AskResponse {
    // The answer is served under this request's id, so a rating sent with that id must find it; nothing is learned twice.
    void this.own.trust?.()?.remember(run.id, {
      chosen: response.chosen?.provider ?? null,
      providers: response.candidates.filter(c => c.status === 'ok').map(c => c.provider),
      kind: response.normalized !== null ? 'short' : 'open'
    })
    return this.complete({ ...response, id: run.id, question, latencyMs: Math.round(performance.now() - run.started), cached: true }, run, selected)
  }

  /** Puts the providers left out by the budget back among the candidates, in the order they were selected. */
  private complete (response: AskResponse, run: Run, selected: Provider[]): AskResponse {
    if (run.over.length === 0) return response
    const byId = new Map(response.candidates.map(c => [c.provider, c]))
    for (const o of run.over) byId.set(o.provider.id, overBudgetCandidate(o, run.maxCostUsd ?? 0))
    return { ...response, candidates: selected.map(p => byId.get(p.id)).filter((c): c is Candidate => c !== undefined) }
  }

  /** Metrics, Server-Timing and the log line, whatever the ask's fate. */
  private finish (run: Run, input: AskInput, response: AskResponse | undefined, failure: unknown): void {
    const { timings, hooks } = run
    timings.totalMs = performance.now() - run.started
    hooks.onTimings?.(timings)
    const { outcome, status } = response !== undefined ? { outcome: 'answered' as const, status: 200 } : outcomeOf(failure)
    const strategy = response?.strategy ?? run.strategy
    const cached = response?.cached === true

    const log = hooks.log ?? this.own.log
    const level = outcome === 'failed' ? 'warn' : 'info'
    // Below the logger's level the line would be built for nothing.
    const logged = (log as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled?.(level) ?? true
    const providers: ProviderLogEntry[] = []
    const metrics = this.own.metrics
    for (const o of run.trace?.outcomes ?? []) {
      if (logged) providers.push(providerEntry(o, this.usageOf(o.provider, o.completion?.usage ?? null)))
      metrics?.providerOutcomes.inc({ provider: o.provider.id, status: o.status, reason: o.error?.errorClass ?? 'none' })
      const failed = o.failedUsage
      if (failed !== null && metrics !== undefined) {
        metrics.providerFailedTokens.inc({ provider: o.provider.id, type: 'prompt' }, failed.promptTokens)
        metrics.providerFailedTokens.inc({ provider: o.provider.id, type: 'completion' }, failed.completionTokens)
        if (failed.reasoningTokens !== undefined) metrics.providerFailedTokens.inc({ provider: o.provider.id, type: 'reasoning' }, failed.reasoningTokens)
      }
    }
    for (const o of run.over) {
      if (logged) providers.push(skippedEntry(o.provider, 'over_budget'))
      metrics?.providerOutcomes.inc({ provider: o.provider.id, status: 'skipped', reason: 'over_budget' })
    }
    if (logged && cached && response !== undefined) providers.unshift(...cachedEntries(response).filter(e => !run.over.some(o => o.provider.id === e.id)))

    if (metrics !== undefined) {
      const cascade = run.trace?.cascade
      if (cascade !== undefined && !cached) {
        metrics.cascadeRounds.observe(cascade.rounds)
        metrics.cascadeSaved.inc(cascade.savedUsd)
      }
      metrics.asks.inc({ strategy, outcome, cached: String(cached) })
      metrics.askDuration.observe({ cached: String(cached) }, timings.totalMs / 1000)
      if (response !== undefined) {
        metrics.confidence.observe({ strategy: response.strategy }, response.confidence)
        if (!cached) metrics.askCost.inc(response.usage.costUsd)
      }
    }

    if (!logged) return
    const line = askLogLine({
      askId: run.id,
      client: hooks.client ?? null,
      outcome,
      status,
      strategy,
      timings,
      providers,
      response,
      ...(this.own.config.logQuestions ? { question: input.question } : {})
    })
    const fields = hooks.logFields !== undefined ? { ...hooks.logFields, ...line } : line
    if (outcome === 'failed') log.warn(fields, 'ask failed')
    else log.info(fields, `ask ${outcome}`)
  }
}
