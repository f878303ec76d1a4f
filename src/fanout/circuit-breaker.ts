// Per-provider circuit breakers: stop calling a provider that keeps failing, probe it after a cool-down.
//
// Rule: a provider's circuit opens after `failureThreshold` consecutive availability failures
// (timeout, rate_limited, unavailable, network, invalid_response, truncated). While open, the
// provider is skipped (status "skipped", reason circuit_open). After `coolDownMs` one request is let
// through as a probe (half_open); its success closes the circuit, its failure opens it again for
// another cool-down. Failures that are the request's fault (bad_request, context_length,
// content_filtered) and auth errors say nothing about availability and do not count.
import type { CircuitState } from '../../schemas/providers.js'

const AVAILABILITY_FAILURES = new Set(['timeout', 'rate_limited', 'unavailable', 'network', 'invalid_response', 'truncated'])

export interface BreakerOptions {
  failureThreshold: number
  coolDownMs: number
  now: () => number
}

interface Circuit {
  state: CircuitState
  consecutiveFailures: number
  openedAt: number
  probeInFlight: boolean
}

export class CircuitBreakers {
  private readonly circuits = new Map<string, Circuit>()
  private readonly options: BreakerOptions

  constructor (options: Partial<BreakerOptions> = {}) {
    this.options = { failureThreshold: 5, coolDownMs: 30000, now: Date.now, ...options }
  }

  private circuit (id: string): Circuit {
    let c = this.circuits.get(id)
    if (c === undefined) {
      c = { state: 'closed', consecutiveFailures: 0, openedAt: 0, probeInFlight: false }
      this.circuits.set(id, c)
    }
    return c
  }

  /** The state as a reader sees it: an open circuit past its cool-down reads as half_open. */
  state (id: string): CircuitState {
    const c = this.circuit(id)
    if (c.state === 'open' && this.options.now() - c.openedAt >= this.options.coolDownMs) return 'half_open'
    return c.state
  }

  /** May a call go to this provider now? Taking the probe slot of a half-open circuit is part of asking. */
  tryAcquire (id: string): boolean {
    const c = this.circuit(id)
    if (c.state === 'closed') return true
    if (c.state === 'open') {
      if (this.options.now() - c.openedAt < this.options.coolDownMs) return false
      c.state = 'half_open'
      c.probeInFlight = false
    }
    if (c.probeInFlight) return false
    c.probeInFlight = true
    return true
  }

  /** Whether a provider would be asked at all right now (for readiness), without taking a probe slot. */
  isUsable (id: string): boolean {
    const c = this.circuit(id)
    if (c.state === 'open') return this.options.now() - c.openedAt >= this.options.coolDownMs
    return !(c.state === 'half_open' && c.probeInFlight)
  }

  onSuccess (id: string): void {
    const c = this.circuit(id)
    c.state = 'closed'
    c.consecutiveFailures = 0
    c.probeInFlight = false
  }

  onFailure (id: string, errorClass: string): void {
    const c = this.circuit(id)
    if (!AVAILABILITY_FAILURES.has(errorClass)) {
      // The request's fault: the provider answered, so a probe that got here proves it is reachable.
      if (c.state === 'half_open') this.onSuccess(id)
      return
    }
    c.consecutiveFailures++
    if (c.state === 'half_open' || c.consecutiveFailures >= this.options.failureThreshold) {
      c.state = 'open'
      c.openedAt = this.options.now()
      c.probeInFlight = false
    }
  }

  /** A call that was let through but never made (cancelled before it started) gives its probe slot back. */
  release (id: string): void {
    const c = this.circuit(id)
    if (c.state === 'half_open') c.probeInFlight = false
  }
}
