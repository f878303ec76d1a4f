// The ask pipeline: pick providers, fan out, aggregate, account — one function the routes call.
import type { FastifyBaseLogger } from 'fastify'
import type { AskResponse, Candidate, UsageBody } from '../../schemas/ask.js'
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
  /** Filled in as the ask runs, for Server-Timing, metrics and the ask's log line. */
  trace?: AskTrace
}

export interface AskTrace {
  /** Time spent waiting for providers: the fan-out, and the synthesizer's call when there is one. */
  providersMs: number
  /** What each selected provider did (set once the fan-out is over, also when every provider failed). */
  outcomes: ProviderOutcome[]
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
    const outcomes = await fanOut(providers, { messages }, options)
    if (hooks.trace !== undefined) Object.assign(hooks.trace, { providersMs: performance.now() - fanOutStarted, outcomes })

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

    const inputs = outcomes.map(o => this.inputOf(o))
    const trust = this.deps.trust?.() ?? null
    const decision: Decision = aggregate(question, inputs, { strategy, reliability: trust?.reliability() })
    if (trust !== null) {
      // Learning is best effort and off the answer's path.
      void trust.learn(id, decision.learning, {
        chosen: decision.chosen?.provider ?? null,
        providers: candidates.filter(c => c.status === 'ok').map(c => c.provider),
        kind: decision.learning?.kind ?? (decision.answerType === 'short' ? 'short' : 'open')
      })
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
      strategy: usedStrategy,
      confidence: Math.round(decision.confidence * 1000) / 1000,
      normalized: decision.normalized,
      chosen,
      candidates,
      usage,
      latencyMs: Math.round(performance.now() - started),
      cached: false,
      warnings
    }
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
