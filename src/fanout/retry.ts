// The one retry rule of the service: which failures deserve another attempt, and how long to wait first.
//
// Retried: rate_limited (429), unavailable (5xx, 409), timeout (408, 504, or an attempt that hit its own
// limit while the provider's budget still has time), and network failures that happened before any
// response byte. Never retried: bad_request, auth, context_length, content_filtered (the same request
// fails the same way), invalid_response and truncated (the provider answered; asking again doubles the
// cost), and a streamed answer whose text already reached the client. A Retry-After (or retry-after-ms,
// or Gemini's RetryInfo) is honoured exactly when it fits in the remaining budget; when it does not, the
// provider is given up at once. Otherwise the wait is exponential back-off with full jitter: a random
// time in [0, min(max, base · 2^(n-1))) before retry n.
import type { ProviderError } from '../providers/types.js'

export interface RetryPolicy {
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** Less time than this left after the wait is not worth another attempt. */
  minAttemptMs: number
}

export const MIN_ATTEMPT_MS = 50

/** Which of the call's own limits ended an attempt, when one did. */
export type Expiry = 'attempt' | 'first_token' | 'idle' | 'budget' | 'deadline'

export interface FailedAttempt {
  error: ProviderError
  /** 1 for the first attempt. */
  attempt: number
  /** Milliseconds left in the provider's budget now. */
  remainingMs: number
  expired?: Expiry
  /** Part of a streamed answer was already forwarded to the client. */
  textSent: boolean
}

export type RetryDecision =
  | { retry: true, delayMs: number, afterRetryAfter: boolean }
  | { retry: false, reason: string }

const RETRIED = new Set(['rate_limited', 'unavailable', 'timeout', 'network'])

/** Whether failures of this class can ever be retried (the rest fail the same way every time). */
export function isRetried (errorClass: string): boolean {
  return RETRIED.has(errorClass)
}

/** The wait before retry `retry` (1 = the first retry) with full jitter. */
export function backoffDelay (retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number = Math.random): number {
  const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1))
  return Math.floor(Math.min(0.999999, Math.max(0, random())) * window)
}

export function retryDecision (failed: FailedAttempt, policy: RetryPolicy, random: () => number = Math.random): RetryDecision {
  const { error, attempt, remainingMs, expired } = failed
  if (!RETRIED.has(error.errorClass)) return { retry: false, reason: `${error.errorClass} is not retried` }
  if (failed.textSent) return { retry: false, reason: 'part of the answer was already streamed' }
  if (error.errorClass === 'network' && !error.beforeResponse) return { retry: false, reason: 'the connection broke after the response began' }
  if (expired === 'budget' || expired === 'deadline') return { retry: false, reason: `the ${expired === 'budget' ? 'provider budget' : 'deadline'} is spent` }
  if (attempt >= policy.maxAttempts) return { retry: false, reason: `${policy.maxAttempts} attempt${policy.maxAttempts === 1 ? '' : 's'} made` }

  if (error.retryAfterMs !== undefined) {
    if (error.retryAfterMs + policy.minAttemptMs > remainingMs) {
      return { retry: false, reason: `retry-after ${error.retryAfterMs} ms does not fit the remaining ${Math.max(0, Math.round(remainingMs))} ms` }
    }
    return { retry: true, delayMs: error.retryAfterMs, afterRetryAfter: true }
  }
  const delayMs = backoffDelay(attempt, policy, random)
  if (delayMs + policy.minAttemptMs > remainingMs) return { retry: false, reason: 'no time left for another attempt' }
  return { retry: true, delayMs, afterRetryAfter: false }
}
