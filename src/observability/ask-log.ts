// The one log line every ask leaves: who asked, what each provider did, what it cost and where the time went.
import type { AskResponse, UsageBody } from '../../schemas/ask.js'
import type { ProviderOutcome } from '../fanout/types.js'
import type { Provider } from '../providers/types.js'
import type { AskTimings } from './server-timing.js'

export type AskOutcome = 'answered' | 'failed' | 'rejected' | 'cancelled'

export interface ProviderLogEntry {
  id: string
  /** ok, error, timeout, skipped; `cached` when the answer came from the cache and the provider was not called. */
  status: string
  /** Error class or reason for skipping (circuit_open, over_budget, cancelled). */
  reason?: string
  attempts: number
  latencyMs: number
  promptTokens: number
  completionTokens: number
  reasoningTokens?: number
  costUsd: number
}

export interface AskLogLine {
  askId: string
  client: string | null
  outcome: AskOutcome
  /** HTTP status the ask ends with. */
  status: number
  strategy: string
  cache: AskTimings['cache']
  confidence?: number
  providers: ProviderLogEntry[]
  /** Tokens and cost of this ask's own provider calls: zero for an answer from the cache. */
  tokens: { prompt: number, completion: number, reasoning: number }
  costUsd: number
  timings: { totalMs: number, cacheMs: number, providersMs?: number, aggregateMs?: number }
  /** Only with LOG_QUESTIONS=true: questions can hold personal data. */
  question?: string
}

const round1 = (ms: number): number => Math.round(ms * 10) / 10

export function providerEntry (outcome: ProviderOutcome, usage: UsageBody | null): ProviderLogEntry {
  const entry: ProviderLogEntry = {
    id: outcome.provider.id,
    status: outcome.status,
    attempts: outcome.attempts,
    latencyMs: Math.round(outcome.latencyMs),
    promptTokens: usage?.promptTokens ?? 0,
    completionTokens: usage?.completionTokens ?? 0,
    costUsd: usage?.costUsd ?? 0
  }
  if (outcome.error !== null) entry.reason = outcome.error.errorClass
  if (usage?.reasoningTokens !== undefined) entry.reasoningTokens = usage.reasoningTokens
  return entry
}

export function skippedEntry (provider: Provider, reason: string): ProviderLogEntry {
  return { id: provider.id, status: 'skipped', reason, attempts: 0, latencyMs: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 }
}

/** Providers of an answer served without calling them. */
export function cachedEntries (response: AskResponse): ProviderLogEntry[] {
  return response.candidates.map(c => ({ id: c.provider, status: 'cached', attempts: 0, latencyMs: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 }))
}

export function askLogLine (parts: {
  askId: string
  client: string | null
  outcome: AskOutcome
  status: number
  strategy: string
  timings: AskTimings
  providers: ProviderLogEntry[]
  response?: AskResponse
  question?: string
}): AskLogLine {
  const { providers, response, timings } = parts
  const spent = response !== undefined && !response.cached
  const line: AskLogLine = {
    askId: parts.askId,
    client: parts.client,
    outcome: parts.outcome,
    status: parts.status,
    strategy: parts.strategy,
    cache: timings.cache,
    providers,
    tokens: {
      prompt: spent ? response.usage.promptTokens : sum(providers, 'promptTokens'),
      completion: spent ? response.usage.completionTokens : sum(providers, 'completionTokens'),
      reasoning: spent ? response.usage.reasoningTokens ?? 0 : sum(providers, 'reasoningTokens')
    },
    // The answer's cost includes a synthesizer's call, which is not one of the providers' entries.
    costUsd: spent ? response.usage.costUsd : Math.round(providers.reduce((s, p) => s + p.costUsd, 0) * 1e9) / 1e9,
    timings: {
      totalMs: round1(timings.totalMs),
      cacheMs: round1(timings.cacheMs),
      ...(timings.providersMs !== undefined ? { providersMs: round1(timings.providersMs) } : {}),
      ...(timings.aggregateMs !== undefined ? { aggregateMs: round1(timings.aggregateMs) } : {})
    }
  }
  if (response !== undefined) line.confidence = response.confidence
  if (parts.question !== undefined) line.question = parts.question
  return line
}

function sum (entries: ProviderLogEntry[], field: 'promptTokens' | 'completionTokens' | 'reasoningTokens'): number {
  return entries.reduce((s, e) => s + (e[field] ?? 0), 0)
}
