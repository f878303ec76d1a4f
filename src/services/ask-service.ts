// The ask pipeline: pick providers, fan out, aggregate, account — one function the routes call.
import type { FastifyBaseLogger } from 'fastify'
import type { AskResponse, Candidate, RoundEvent, UsageBody } from '../../schemas/ask.js'
import { aggregate, buildSynthesisPrompt } from '../aggregator/index.js'
import type { CandidateInput, Decision, Strategy } from '../aggregator/types.js'
import type { Config } from '../config.js'
import { PriceTable } from '../costs/price-table.js'
import type { CircuitBreakers } from '../fanout/circuit-breaker.js'
import { fanOut } from '../fanout/fan-out.js'
import type { ProviderStats } from '../fanout/provider-stats.js'
import type { FanOutOptions, ProviderOutcome, WaitFor } from '../fanout/types.js'
import { HttpProblem, ProblemType } from '../http/problem.js'
import { toProviderError } from '../providers/errors.js'
import type { ProviderRegistry } from '../providers/registry.js'
import type { ChatMessage, Provider, Usage } from '../providers/types.js'
import { tutorMessages } from './prompts.js'
import { cascadeKind, cascadeOption, isSettled, planCascade } from '../aggregator/cascade.js'
import { estimatePromptTokens } from '../costs/budget.js'
import type { TrustService } from '../trust/trust-service.js'

export interface AskInput {
  question: string
  providers?: string[]
  strategy?: Strategy
  timeoutMs?: number
  waitFor?: WaitFor
  maxCostUsd?: number
  /** Earlier turns of a conversation (OpenAI-compatible facade); the question is the last user turn. */
  history?: ChatMessage[]
  /** Extra system instructions from the caller (OpenAI-compatible facade). */
  system?: string
}

export interface AskHooks {
  /** Fires when the client goes away. */
  signal: AbortSignal
  /** Read providers' answers as streams (for live token events). */
  stream?: boolean
  onStart?: (event: { id: string, providers: string[] }) => void
  onToken?: (providerId: string, text: string) => void
  onCandidate?: (candidate: Candidate) => void
  /** `cascade`: a round of providers is about to be asked. */
  onRound?: (event: RoundEvent) => void
  /** Filled in as the ask runs, for Server-Timing, metrics and the ask's log line. */
  trace?: AskTrace
}

export interface AskTrace {
  /** Time spent waiting for providers: the fan-out, and the synthesizer's call when there is one. */
  providersMs: number
  /** What each selected provider did (set once the fan-out is over, also when every provider failed). */
  outcomes: ProviderOutcome[]
  /** `cascade`: rounds run and the expected cost of the providers it did not need to ask. */
  cascade?: { rounds: number, savedUsd: number }
}

export interface AskServiceDeps {
  config: Config
  registry: ProviderRegistry
  prices?: PriceTable
  /** Course-notes passages for GROUNDING=on. */
  grounding?: (question: string, history?: ChatMessage[]) => string | undefined
  breakers: CircuitBreakers
  stats: ProviderStats
  log: FastifyBaseLogger
  /** Learned reliability (read at each decision) and learning from each decided question; absent in some tests. */
  trust?: () => TrustService | null
}

/** How a synthesis that could not run is announced (an answer that says so is not cached). */
export const SYNTHESIS_FALLBACK = 'synthesize fell back to consensus:'

const ZERO_USAGE: UsageBody = { promptTokens: 0, completionTokens: 0, costUsd: 0 }

function addUsage (total: UsageBody, usage: UsageBody | null): UsageBody {
  if (usage === null) return total
  const sum: UsageBody = {
    promptTokens: total.promptTokens + usage.promptTokens,
    completionTokens: total.completionTokens + usage.completionTokens,
    costUsd: Math.round((total.costUsd + usage.costUsd) * 1e9) / 1e9
  }
  const reasoning = (total.reasoningTokens ?? 0) + (usage.reasoningTokens ?? 0)
  if (reasoning > 0) sum.reasoningTokens = reasoning
  return sum
}

/** A provider the cascade did not need: what the aggregator and the response say of it. */
function notNeededInput (provider: Provider): CandidateInput {
  return { provider: provider.id, model: provider.model, status: 'skipped', text: '', errorClass: 'not_needed', evidence: provider.kind === 'knowledge' }
}

/** A provider that was not called for this question, and why (`type` is both its filter reason and error type). */
export function uncalledCandidate (provider: Provider, type: string, message: string, flags: Candidate['flags'] = []): Candidate {
  return {
    provider: provider.id,
    model: provider.model,
    status: 'skipped',
    text: '',
    finishReason: null,
    latencyMs: 0,
    attempts: 0,
    usage: null,
    scores: null,
    flags,
    filtered: type,
    error: { type, message }
  }
}

function notNeededCandidate (provider: Provider): Candidate {
  return uncalledCandidate(provider, 'not_needed', 'not asked: the answer was settled before its round', ['skipped'])
}

export class AskService {
  private readonly prices: PriceTable

  constructor (private readonly deps: AskServiceDeps) {
    this.prices = deps.prices ?? new PriceTable()
  }

  /** The providers a request asks, in configuration order; problems for unknown ids or none configured. */
  selectProviders (requested: string[] | undefined): Provider[] {
    const { registry } = this.deps
    if (registry.all().length === 0) {
      throw new HttpProblem({
        status: 503,
        type: ProblemType.noProviders,
        title: 'No provider configured',
        detail: 'No LLM provider is configured: set OPENAI_API_KEY, GEMINI_API_KEY, HF_TOKEN or OLLAMA_MODEL (or KNOWLEDGE=on for the course notes).'
      })
    }
    if (requested === undefined) return registry.all()
    const unknown = registry.unknown(requested)
    if (unknown.length > 0) {
      throw new HttpProblem({
        status: 400,
        type: ProblemType.unknownProviders,
        title: 'Unknown providers',
        detail: `Unknown provider ids: ${unknown.join(', ')}. Configured: ${registry.all().map(p => p.id).join(', ')}.`,
        errors: unknown.map(id => ({ field: 'body/providers', message: `"${id}" is not a configured provider` }))
      })
    }
    return requested.map(id => registry.get(id)).filter((p): p is Provider => p !== undefined)
  }

  /** A provider of the same kind and model that this question does not ask already: where a hedged request goes. */
  private equivalentOf (provider: Provider, asked: Provider[]): Provider | undefined {
    return this.deps.registry.all().find(p => p !== provider && p.kind === provider.kind && p.model === provider.model &&
      !asked.includes(p) && this.deps.breakers.isUsable(p.id))
  }

  usageOf (provider: Provider, usage: Usage | null): UsageBody | null {
    if (usage === null) return null
    const body: UsageBody = { promptTokens: usage.promptTokens, completionTokens: usage.completionTokens, costUsd: this.prices.cost(provider.kind, provider.model, usage) }
    if (usage.reasoningTokens !== undefined) body.reasoningTokens = usage.reasoningTokens
    return body
  }

  private candidateOf (outcome: ProviderOutcome): Candidate {
    const { provider, completion, error } = outcome
    const candidate: Candidate = {
      provider: provider.id,
      model: completion?.model ?? provider.model,
      status: outcome.status,
      text: completion?.text ?? '',
      finishReason: completion?.finishReason ?? null,
      latencyMs: Math.round(outcome.latencyMs),
      attempts: outcome.attempts,
      usage: this.usageOf(provider, completion?.usage ?? null),
      scores: null,
      flags: [],
      filtered: null,
      error: error === null ? null : { type: error.errorClass, message: error.message, ...(error.status !== undefined ? { status: error.status } : {}) }
    }
    if (completion?.sources !== undefined) candidate.sources = completion.sources
    return candidate
  }

  private inputOf (outcome: ProviderOutcome): CandidateInput {
    return {
      provider: outcome.provider.id,
      model: outcome.completion?.model ?? outcome.provider.model,
      status: outcome.status,
      text: outcome.completion?.text ?? '',
      finishReason: outcome.completion?.finishReason,
      latencyMs: outcome.latencyMs,
      weight: outcome.provider.weight,
      trackRecord: this.deps.stats.trackRecord(outcome.provider.id),
      errorClass: outcome.error?.errorClass,
      attempts: outcome.attempts,
      lowCoverage: outcome.completion?.lowCoverage === true,
      selfConfidence: outcome.completion?.confidence,
      // The course notes are reference material: they ground the models' answers instead of voting with them.
      evidence: outcome.provider.kind === 'knowledge'
    }
  }

  /** Quorum: a strict majority of the selected providers gave the same answer. */
  private quorumReached (question: string, done: ProviderOutcome[], total: number): boolean {
    const needed = Math.floor(total / 2) + 1
    if (done.length < needed) return false
    const decision = aggregate(question, done.map(o => this.inputOf(o)), { strategy: 'auto', reliability: this.deps.trust?.()?.reliability() })
    // The course notes are evidence, not a voice: they never make up a quorum.
    const voices = decision.candidates.filter(c => c.filtered === null && !c.flags.includes('evidence'))
    if (decision.normalized !== null) return voices.filter(c => c.extracted === decision.normalized).length >= needed
    // Free text: enough providers answered and they agree with each other.
    return voices.length >= needed && decision.confidence >= 0.5
  }

  async ask (id: string, input: AskInput, hooks: AskHooks): Promise<AskResponse> {
    const started = performance.now()
    const { config } = this.deps
    const question = input.question.trim()
    if (question === '') {
      throw new HttpProblem({ status: 400, type: ProblemType.validation, title: 'Invalid request', detail: 'body/question must not be blank.', errors: [{ field: 'body/question', message: 'must not be blank' }] })
    }
    const providers = this.selectProviders(input.providers)
    const strategy = input.strategy ?? config.defaultStrategy
    const timeoutMs = Math.min(input.timeoutMs ?? config.askTimeoutMs, config.askTimeoutMs)
    const deadlineAt = Date.now() + timeoutMs

    const grounding = config.grounding ? this.deps.grounding?.(question, input.history) : undefined
    const messages = tutorMessages(question, input.history, grounding)
    if (input.system !== undefined) messages.splice(1, 0, { role: 'system', content: input.system })

    hooks.onStart?.({ id, providers: providers.map(p => p.id) })
    const options: FanOutOptions = {
      deadlineAt,
      providerTimeoutMs: config.providerTimeoutMs,
      waitFor: strategy === 'fastest' ? 'first' : (input.waitFor ?? 'all'),
      signal: hooks.signal,
      stream: hooks.stream === true,
      onToken: hooks.onToken,
      onOutcome: hooks.onCandidate === undefined ? undefined : outcome => hooks.onCandidate?.(this.candidateOf(outcome)),
      agreed: (done, total) => this.quorumReached(question, done, total),
      breakers: this.deps.breakers,
      stats: this.deps.stats,
      resilience: config.resilience,
      hedgeTarget: provider => this.equivalentOf(provider, providers)
    }
    const fanOutStarted = performance.now()
    const cascade = strategy === 'cascade' ? await this.cascade(question, providers, messages, options, hooks) : null
    const outcomes = cascade?.outcomes ?? await fanOut(providers, { messages }, options)
    if (hooks.trace !== undefined) {
      Object.assign(hooks.trace, { providersMs: performance.now() - fanOutStarted, outcomes })
      if (cascade !== null) hooks.trace.cascade = { rounds: cascade.rounds, savedUsd: cascade.savedUsd }
    }

    const candidates = outcomes.map(o => this.candidateOf(o))
    if (!outcomes.some(o => o.status === 'ok')) {
      if (hooks.signal.aborted) throw new HttpProblem({ status: 499, detail: 'The client closed the request.' })
      throw new HttpProblem({
        status: 502,
        type: ProblemType.allProvidersFailed,
        title: 'Every provider failed',
        detail: `No provider answered: ${candidates.map(c => `${c.provider} (${c.error?.type ?? c.status})`).join(', ')}.`,
        providers: candidates.map(c => ({ provider: c.provider, errorClass: c.error?.type ?? c.status, ...(c.error?.status !== undefined ? { status: c.error.status } : {}) }))
      })
    }

    const notAsked = cascade?.notAsked ?? []
    const inputs = [...outcomes.map(o => this.inputOf(o)), ...notAsked.map(p => notNeededInput(p))]
    candidates.push(...notAsked.map(p => notNeededCandidate(p)))
    const trust = this.deps.trust?.() ?? null
    const decision: Decision = aggregate(question, inputs, { strategy, reliability: trust?.reliability() })
    if (trust !== null) {
      const rateable = {
        chosen: decision.chosen?.provider ?? null,
        providers: candidates.filter(c => c.status === 'ok').map(c => c.provider),
        kind: decision.learning?.kind ?? (decision.answerType === 'short' ? 'short' as const : 'open' as const)
      }
      // Learning is best effort and off the answer's path. A cascade learns only where it asked
      // everyone by plan (see CascadePlan); otherwise it only counts the question.
      void (cascade === null || cascade.explore ? trust.learn(id, decision.learning, rateable) : trust.count(id, rateable))
    }
    const warnings: string[] = [...decision.warnings]
    let answer = decision.answer
    let usedStrategy: string = decision.strategy
    let chosen = decision.chosen
    let usage = candidates.reduce((sum, c) => addUsage(sum, c.usage), ZERO_USAGE)

    if (strategy === 'synthesize') {
      const synthesisStarted = performance.now()
      const synthesis = await this.synthesize(question, decision, inputs, deadlineAt, hooks.signal)
      if (hooks.trace !== undefined) hooks.trace.providersMs += performance.now() - synthesisStarted
      if (synthesis.ok) {
        answer = synthesis.text
        usedStrategy = 'synthesize'
        chosen = { provider: synthesis.provider, model: synthesis.model }
        usage = addUsage(usage, synthesis.usage)
      } else {
        warnings.push(`${SYNTHESIS_FALLBACK} ${synthesis.reason}`)
      }
    }

    decision.candidates.forEach((verdict, i) => {
      const c = candidates[i]
      if (c === undefined) return
      c.scores = verdict.scores
      c.flags = verdict.flags
      c.filtered = verdict.filtered
    })

    return {
      id,
      question,
      answer,
      strategy: cascade === null ? usedStrategy : 'cascade',
      confidence: Math.round(decision.confidence * 1000) / 1000,
      normalized: decision.normalized,
      chosen,
      candidates,
      usage,
      latencyMs: Math.round(performance.now() - started),
      cached: false,
      warnings,
      ...(cascade === null ? {} : { consulted: cascade.consulted })
    }
  }

  /**
   * Rounds of providers, cheapest expected cost first, until the decision is settled. A round that
   * cannot finish before the deadline (by its providers' recent median latency) is not started: the
   * best answer so far is returned.
   */
  private async cascade (question: string, providers: Provider[], messages: ChatMessage[], options: FanOutOptions, hooks: AskHooks):
  Promise<{ outcomes: ProviderOutcome[], notAsked: Provider[], consulted: string[], rounds: number, savedUsd: number, explore: boolean }> {
    const trust = this.deps.trust?.() ?? null
    const reliability = trust?.reliability() ?? {}
    const promptTokens = estimatePromptTokens(messages)
    const expected = new Map(providers.map(p => [p.id, this.prices.expectedCost(p.kind, p.model, promptTokens)]))
    const { rounds: plan, explore } = planCascade(providers.map(p => cascadeOption(p.id, expected.get(p.id) ?? 0, reliability[p.id])), trust?.decided() ?? 1, cascadeKind(question))
    const outcomes: ProviderOutcome[] = []
    const consulted: string[] = []
    let rounds = 0
    for (const ids of plan) {
      const round = providers.filter(p => ids.includes(p.id))
      if (rounds > 0) {
        const slowest = Math.max(...round.map(p => this.deps.stats.snapshot(p.id).latencyP50Ms ?? 0))
        if (Date.now() + slowest >= options.deadlineAt || options.signal.aborted) break
      }
      rounds++
      hooks.onRound?.({ round: rounds, providers: ids, expectedCostUsd: round.reduce((sum, p) => sum + (expected.get(p.id) ?? 0), 0) })
      consulted.push(...ids)
      outcomes.push(...await fanOut(round, { messages }, { ...options, waitFor: 'all' }))
      const notYet = providers.filter(p => !consulted.includes(p.id))
      if (notYet.length === 0) break
      const decision = aggregate(question, [...outcomes.map(o => this.inputOf(o)), ...notYet.map(p => notNeededInput(p))], { strategy: 'auto', reliability })
      if (isSettled(decision, undefined, { providers: plan[rounds] ?? [], later: plan.slice(rounds).flat(), reliability })) break
    }
    const notAsked = providers.filter(p => !consulted.includes(p.id))
    return { outcomes, notAsked, consulted, rounds, savedUsd: notAsked.reduce((sum, p) => sum + (expected.get(p.id) ?? 0), 0), explore }
  }

  private async synthesize (question: string, decision: Decision, inputs: CandidateInput[], deadlineAt: number, signal: AbortSignal):
  Promise<{ ok: true, text: string, provider: string, model: string, usage: UsageBody | null } | { ok: false, reason: string }> {
    const id = this.deps.config.synthesizer
    if (id === undefined) return { ok: false, reason: 'no SYNTHESIZER is configured' }
    const provider = this.deps.registry.get(id)
    if (provider === undefined) return { ok: false, reason: `SYNTHESIZER "${id}" is not a configured provider` }
    const remaining = deadlineAt - Date.now()
    if (remaining <= 0) return { ok: false, reason: 'no time left before the deadline' }
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(new DOMException('deadline exceeded', 'TimeoutError')), Math.min(remaining, provider.timeoutMs ?? this.deps.config.providerTimeoutMs))
    const forward = (): void => controller.abort(signal.reason)
    signal.addEventListener('abort', forward, { once: true })
    try {
      const completion = await provider.complete({ messages: buildSynthesisPrompt(question, decision, inputs) }, controller.signal)
      if (completion.text.trim() === '' || completion.finishReason === 'length') return { ok: false, reason: `${id} returned ${completion.text.trim() === '' ? 'an empty' : 'a truncated'} answer` }
      return { ok: true, text: completion.text.trim(), provider: id, model: completion.model, usage: this.usageOf(provider, completion.usage) }
    } catch (err) {
      const error = toProviderError(err, { signal: controller.signal })
      this.deps.log.warn({ provider: id, errorClass: error.errorClass }, 'synthesizer failed')
      return { ok: false, reason: `${id} failed (${error.errorClass})` }
    } finally {
      clearTimeout(timer)
      signal.removeEventListener('abort', forward)
    }
  }
}
