// Recent behaviour of each provider: success rate and latency percentiles over a rolling window.

export interface CallRecord {
  ok: boolean
  latencyMs: number
  at: number
}

export interface ProviderSnapshot {
  calls: number
  errorRate: number
  latencyP50Ms: number | null
  latencyP90Ms: number | null
}

function percentile (sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))
  return Math.round(sorted[index]!)
}

export class ProviderStats {
  private readonly windows = new Map<string, CallRecord[]>()

  constructor (private readonly windowSize = 50) {}

  record (providerId: string, record: CallRecord): void {
    const window = this.windows.get(providerId) ?? []
    window.push(record)
    if (window.length > this.windowSize) window.shift()
    this.windows.set(providerId, window)
  }

  snapshot (providerId: string): ProviderSnapshot {
    const window = this.windows.get(providerId) ?? []
    const latencies = window.filter(r => r.ok).map(r => r.latencyMs).sort((a, b) => a - b)
    const failures = window.filter(r => !r.ok).length
    return {
      calls: window.length,
      errorRate: window.length === 0 ? 0 : Math.round((failures / window.length) * 1000) / 1000,
      latencyP50Ms: percentile(latencies, 0.5),
      latencyP90Ms: percentile(latencies, 0.9)
    }
  }

  /** The p-th percentile (0..1) of recent successful latencies, or null with fewer than `minSamples` of them. */
  latencyPercentile (providerId: string, p: number, minSamples = 1): number | null {
    const latencies = (this.windows.get(providerId) ?? []).filter(r => r.ok).map(r => r.latencyMs).sort((a, b) => a - b)
    return latencies.length < minSamples ? null : percentile(latencies, p)
  }

  /** Forgets every provider's history. */
  reset (): void {
    this.windows.clear()
  }

  /** Share of recent calls that succeeded; 1 while nothing is known, so a new provider starts trusted. */
  trackRecord (providerId: string): number {
    const window = this.windows.get(providerId) ?? []
    if (window.length === 0) return 1
    return window.filter(r => r.ok).length / window.length
  }
}
