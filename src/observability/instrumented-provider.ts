// Wraps a provider so every upstream call it makes (each retry, hedge and synthesis too) is counted, timed and priced.
import type { PriceTable } from '../costs/price-table.js'
import { toProviderError } from '../providers/errors.js'
import type { Completion, CompletionRequest, Provider, StreamCallbacks } from '../providers/types.js'
import type { ServiceMetrics } from './metrics.js'

/**
 * An abort whose reason is not a timeout means the call was no longer wanted (the answer was decided,
 * a hedge lost, the client left): not the provider's failure.
 */
function wasCancelled (signal: AbortSignal): boolean {
  if (!signal.aborted) return false
  const reason: unknown = signal.reason
  return !(reason instanceof Error && reason.name === 'TimeoutError')
}

export function instrumentProvider (provider: Provider, metrics: ServiceMetrics, prices: PriceTable): Provider {
  const { id } = provider

  const observe = async (call: () => Promise<Completion>, signal: AbortSignal): Promise<Completion> => {
    const started = performance.now()
    const seconds = (): number => (performance.now() - started) / 1000
    try {
      const completion = await call()
      metrics.providerCalls.inc({ provider: id, model: provider.model, outcome: 'ok' })
      metrics.providerCallDuration.observe({ provider: id, outcome: 'ok' }, seconds())
      const { usage } = completion
      if (usage !== null) {
        metrics.providerTokens.inc({ provider: id, model: provider.model, type: 'prompt' }, usage.promptTokens)
        metrics.providerTokens.inc({ provider: id, model: provider.model, type: 'completion' }, usage.completionTokens)
        if (usage.reasoningTokens !== undefined) metrics.providerTokens.inc({ provider: id, model: provider.model, type: 'reasoning' }, usage.reasoningTokens)
        metrics.providerCost.inc({ provider: id, model: provider.model }, prices.cost(provider.kind, provider.model, usage))
      }
      return completion
    } catch (err) {
      const outcome = wasCancelled(signal) ? 'cancelled' : 'error'
      metrics.providerCalls.inc({ provider: id, model: provider.model, outcome })
      metrics.providerCallDuration.observe({ provider: id, outcome }, seconds())
      if (outcome === 'error') metrics.providerErrors.inc({ provider: id, error_class: toProviderError(err, { signal }).errorClass })
      throw err
    }
  }

  const instrumented: Provider = {
    id,
    kind: provider.kind,
    model: provider.model,
    weight: provider.weight,
    ...(provider.timeoutMs !== undefined ? { timeoutMs: provider.timeoutMs } : {}),
    complete: async (request: CompletionRequest, signal: AbortSignal) => await observe(async () => await provider.complete(request, signal), signal)
  }
  const { stream } = provider
  if (stream !== undefined) {
    // Only providers that stream get a stream method: the fan-out reads its presence as the capability.
    return {
      ...instrumented,
      stream: async (request: CompletionRequest, signal: AbortSignal, callbacks: StreamCallbacks) =>
        await observe(async () => await stream.call(provider, request, signal, callbacks), signal)
    }
  }
  return instrumented
}
