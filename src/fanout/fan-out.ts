// Calls every selected provider at once and collects what each one did, within the deadline: retries,
// attempt and stream limits, circuit breakers, hedged requests and early answers (waitFor).
import { setTimeout as sleep } from 'node:timers/promises'
import { cutMessage } from '../providers/answer-limit.js'
import { runAttempt, type AttemptLimits, type AttemptResult } from './attempt.js'
import { isRetried, MIN_ATTEMPT_MS, retryDecision, type RetryPolicy } from './retry.js'
import { DEFAULT_RESILIENCE, type CompletionRequest, type FanOutOptions, type Provider, type ProviderOutcome, type ResilienceSettings } from './types.js'

/** Successful calls a provider needs on record before its p90 is trusted enough to hedge against. */
export const HEDGE_MIN_SAMPLES = 5

const cancelledReason = (): DOMException => new DOMException('answer already decided', 'AbortError')
const hedgeLostReason = (): DOMException => new DOMException('the other request of the hedge answered first', 'AbortError')

function skipped (provider: Provider, errorClass: string, message: string): ProviderOutcome {
  return { provider, status: 'skipped', completion: null, error: { errorClass, message }, latencyMs: 0, attempts: 0, failedUsage: null }
}

interface Round {
  result: AttemptResult
  /** Requests the round sent: 2 when a hedged request was raced. */
  calls: number
  hedged: boolean
}

async function callOne (provider: Provider, request: CompletionRequest, options: FanOutOptions, settings: ResilienceSettings, stop: AbortSignal): Promise<ProviderOutcome> {
  const { breakers, stats } = options
  // A half-open circuit lets one request through as a probe; a probe is not retried, so a recovering provider is not hammered.
  const probing = breakers?.state(provider.id) === 'half_open'
  if (breakers !== undefined && !breakers.tryAcquire(provider.id)) {
    return skipped(provider, 'circuit_open', 'skipped: the provider failed repeatedly and is cooling down')
  }
  const outcome = await withRetries(provider, request, options, settings, stop, probing)
  if (outcome.status === 'ok') breakers?.onSuccess(provider.id)
  else if (outcome.error?.errorClass === 'cancelled') breakers?.release(provider.id)
  else breakers?.onFailure(provider.id, outcome.error?.errorClass ?? 'unavailable')
  if (outcome.error?.errorClass !== 'cancelled') stats?.record(provider.id, { ok: outcome.status === 'ok', latencyMs: outcome.latencyMs, at: Date.now() })
  return outcome
}

async function withRetries (provider: Provider, request: CompletionRequest, options: FanOutOptions, settings: ResilienceSettings, stop: AbortSignal, probing: boolean): Promise<ProviderOutcome> {
  const started = performance.now()
  const budgetMs = provider.timeoutMs ?? options.providerTimeoutMs
  const budgetEnd = Math.min(Date.now() + budgetMs, options.deadlineAt)
  const budgetBound = budgetEnd < options.deadlineAt ? 'budget' : 'deadline'
  const policy: RetryPolicy = {
    maxAttempts: probing ? 1 : settings.maxAttempts,
    baseDelayMs: settings.retryBaseDelayMs,
    maxDelayMs: settings.retryMaxDelayMs,
    minAttemptMs: MIN_ATTEMPT_MS
  }
  const streaming = options.stream && provider.stream !== undefined
  const base = { provider, failedUsage: null }
  let attempts = 0
  let hedged = false

  for (;;) {
    const now = Date.now()
    const attemptEnd = settings.attemptTimeoutMs === undefined ? budgetEnd : Math.min(now + settings.attemptTimeoutMs, budgetEnd)
    const limits: AttemptLimits = {
      endsAt: attemptEnd,
      bound: attemptEnd < budgetEnd ? 'attempt' : budgetBound,
      limitMs: attemptEnd < budgetEnd ? settings.attemptTimeoutMs : budgetMs,
      ...(streaming
        ? { stream: { firstTokenMs: settings.firstTokenTimeoutMs, idleMs: settings.streamIdleTimeoutMs, onToken: (text: string) => options.onToken?.(provider.id, text) } }
        : {})
    }
    const round = settings.hedge && !probing && !streaming
      ? await hedgedRound(provider, request, limits, options, stop)
      : { result: await runAttempt(provider, request, limits, stop), calls: 1, hedged: false }
    attempts += round.calls
    hedged ||= round.hedged
    const { result } = round
    const latencyMs = performance.now() - started

    if (result.completion !== undefined) {
      // An answer cut at MAX_ANSWER_CHARS is still an answer; its error entry says why it stops short.
      const { cutAt } = result.completion
      const error = cutAt === undefined ? null : { errorClass: 'truncated', message: cutMessage(cutAt) }
      return { ...base, status: 'ok', completion: result.completion, error, latencyMs, attempts, ...(hedged ? { hedged } : {}) }
    }
    if (result.cancelled || result.error === undefined) {
      return { ...base, status: 'skipped', completion: null, error: { errorClass: 'cancelled', message: 'not needed: the answer was decided without it' }, latencyMs, attempts, ...(hedged ? { hedged } : {}) }
    }
    const { error } = result
    const decision = retryDecision({ error, attempt: attempts, remainingMs: budgetEnd - Date.now(), expired: result.expired, textSent: result.textSent }, policy, options.random)
    if (!decision.retry) {
      const why = isRetried(error.errorClass) && !result.textSent ? `; gave up: ${decision.reason}` : ''
      return {
        ...base,
        status: error.errorClass === 'timeout' ? 'timeout' : 'error',
        completion: null,
        error: { errorClass: error.errorClass, message: `${error.message}${why}`, ...(error.status !== undefined ? { status: error.status } : {}) },
        latencyMs,
        attempts,
        ...(hedged ? { hedged } : {})
      }
    }
    try {
      await sleep(decision.delayMs, undefined, { signal: stop })
    } catch {
      return { ...base, status: 'skipped', completion: null, error: { errorClass: 'cancelled', message: 'not needed: the answer was decided without it' }, latencyMs: performance.now() - started, attempts, ...(hedged ? { hedged } : {}) }
    }
  }
}

/**
 * Sends the request and, if it is still unanswered after the provider's recent p90, races a second one to an
 * equivalent provider (or the same one: another replica behind the same endpoint). The first answer wins and
 * the other request is aborted; when both fail, the first request's failure is the round's.
 */
async function hedgedRound (provider: Provider, request: CompletionRequest, limits: AttemptLimits, options: FanOutOptions, stop: AbortSignal): Promise<Round> {
  const p90 = options.stats?.latencyPercentile(provider.id, 0.9, HEDGE_MIN_SAMPLES) ?? null
  if (p90 === null || limits.endsAt - Date.now() < p90 + MIN_ATTEMPT_MS) {
    return { result: await runAttempt(provider, request, limits, stop), calls: 1, hedged: false }
  }
  const target = options.hedgeTarget?.(provider) ?? provider
  const branches = [new AbortController(), new AbortController()] as const
  const forward = (): void => { for (const b of branches) b.abort(stop.reason) }
  if (stop.aborted) forward()
  else stop.addEventListener('abort', forward, { once: true })
  try {
    return await new Promise<Round>(resolve => {
      let launched = false
      let done = false
      const failures: [AttemptResult | undefined, AttemptResult | undefined] = [undefined, undefined]
      const end = (result: AttemptResult): void => {
        done = true
        clearTimeout(timer)
        for (const b of branches) b.abort(hedgeLostReason())
        resolve({ result, calls: launched ? 2 : 1, hedged: launched })
      }
      const settled = (result: AttemptResult, index: 0 | 1): void => {
        if (done) return
        if (result.completion !== undefined || result.cancelled) {
          end(result)
          return
        }
        failures[index] = result
        // Before the hedge leaves, a failure goes back to the retry rule; after, the other request may still answer.
        if (!launched) end(result)
        else if (failures[0] !== undefined && failures[1] !== undefined) end(failures[0])
      }
      const timer = setTimeout(() => {
        if (done) return
        launched = true
        void runAttempt(target, request, limits, branches[1].signal).then(r => { settled(r, 1) })
      }, p90)
      void runAttempt(provider, request, limits, branches[0].signal).then(r => { settled(r, 0) })
    })
  } finally {
    stop.removeEventListener('abort', forward)
  }
}

/** Total time is the slowest provider's, not the sum; a failing provider only loses its own answer. */
export async function fanOut (providers: Provider[], request: CompletionRequest, options: FanOutOptions): Promise<ProviderOutcome[]> {
  const settings: ResilienceSettings = { ...DEFAULT_RESILIENCE, ...options.resilience }
  const stop = new AbortController()
  const onClientGone = (): void => stop.abort(options.signal.reason)
  if (options.signal.aborted) onClientGone()
  else options.signal.addEventListener('abort', onClientGone, { once: true })

  const done: ProviderOutcome[] = []
  const calls = providers.map(async provider => {
    const outcome = await callOne(provider, request, options, settings, stop.signal)
    done.push(outcome)
    options.onOutcome?.(outcome)
    const good = done.filter(o => o.status === 'ok')
    if (!stop.signal.aborted && good.length > 0) {
      if (options.waitFor === 'first') stop.abort(cancelledReason())
      else if (options.waitFor === 'quorum' && options.agreed?.(good, providers.length) === true) stop.abort(cancelledReason())
    }
    return outcome
  })
  try {
    return await Promise.all(calls)
  } finally {
    options.signal.removeEventListener('abort', onClientGone)
  }
}
