// Calls every selected provider at once and collects what each one did, within the deadline.
import { toProviderError } from '../providers/errors.js'
import type { Provider } from '../providers/types.js'
import type { CompletionRequest, FanOutOptions, ProviderOutcome } from './types.js'

const deadlineReason = (): DOMException => new DOMException('deadline exceeded', 'TimeoutError')
const cancelledReason = (): DOMException => new DOMException('answer already decided', 'AbortError')

function skipped (provider: Provider, errorClass: string, message: string): ProviderOutcome {
  return { provider, status: 'skipped', completion: null, error: { errorClass, message }, latencyMs: 0, attempts: 0, failedUsage: null }
}

async function callOne (provider: Provider, request: CompletionRequest, options: FanOutOptions, stop: AbortSignal): Promise<ProviderOutcome> {
  const { breakers, stats } = options
  if (breakers !== undefined && !breakers.tryAcquire(provider.id)) {
    return skipped(provider, 'circuit_open', 'skipped: the provider failed repeatedly and is cooling down')
  }
  const outcome = await attempt(provider, request, options, stop)
  if (outcome.status === 'ok') breakers?.onSuccess(provider.id)
  else if (outcome.error?.errorClass === 'cancelled') breakers?.release(provider.id)
  else breakers?.onFailure(provider.id, outcome.error?.errorClass ?? 'unavailable')
  if (outcome.error?.errorClass !== 'cancelled') stats?.record(provider.id, { ok: outcome.status === 'ok', latencyMs: outcome.latencyMs, at: Date.now() })
  return outcome
}

async function attempt (provider: Provider, request: CompletionRequest, options: FanOutOptions, stop: AbortSignal): Promise<ProviderOutcome> {
  const started = performance.now()
  const budget = Math.max(0, Math.min(provider.timeoutMs ?? options.providerTimeoutMs, options.deadlineAt - Date.now()))
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(deadlineReason()), budget)
  const forward = (): void => controller.abort(stop.reason)
  if (stop.aborted) forward()
  else stop.addEventListener('abort', forward, { once: true })
  try {
    const completion = options.stream && provider.stream !== undefined
      ? await provider.stream(request, controller.signal, { onToken: text => options.onToken?.(provider.id, text) })
      : await provider.complete(request, controller.signal)
    return { provider, status: 'ok', completion, error: null, latencyMs: performance.now() - started, attempts: 1, failedUsage: null }
  } catch (err) {
    const error = toProviderError(err, { signal: controller.signal })
    const cancelled = controller.signal.aborted && !(controller.signal.reason instanceof DOMException && controller.signal.reason.name === 'TimeoutError')
    return {
      provider,
      status: cancelled ? 'skipped' : error.errorClass === 'timeout' ? 'timeout' : 'error',
      completion: null,
      error: cancelled ? { errorClass: 'cancelled', message: 'not needed: the answer was decided without it' } : { errorClass: error.errorClass, message: error.message, status: error.status },
      latencyMs: performance.now() - started,
      attempts: 1,
      failedUsage: null
    }
  } finally {
    clearTimeout(timer)
    stop.removeEventListener('abort', forward)
  }
}

/** Total time is the slowest provider's, not the sum; a failing provider only loses its own answer. */
export async function fanOut (providers: Provider[], request: CompletionRequest, options: FanOutOptions): Promise<ProviderOutcome[]> {
  const stop = new AbortController()
  const onClientGone = (): void => stop.abort(options.signal.reason)
  if (options.signal.aborted) onClientGone()
  else options.signal.addEventListener('abort', onClientGone, { once: true })

  const done: ProviderOutcome[] = []
  const calls = providers.map(async provider => {
    const outcome = await callOne(provider, request, options, stop.signal)
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
