// The retry rule on its own: which failures are retried, how long the wait is, and when the service gives up.
import t from 'tap'
import { backoffDelay, isRetried, retryDecision, type RetryPolicy } from '../../src/fanout/retry.js'
import { ProviderError, type ErrorClass } from '../../src/providers/types.js'

const POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 1000, minAttemptMs: 50 }
const top = (): number => 0.999999
const bottom = (): number => 0

function failure (errorClass: ErrorClass, options: { retryAfterMs?: number, beforeResponse?: boolean, status?: number } = {}): ProviderError {
  return new ProviderError(errorClass, `${errorClass} failure`, options)
}

t.test('never retried: the same request would fail the same way, or the provider already answered', async t => {
  for (const errorClass of ['bad_request', 'auth', 'context_length', 'content_filtered', 'invalid_response', 'truncated'] as const) {
    const decision = retryDecision({ error: failure(errorClass, { status: 400 }), attempt: 1, remainingMs: 10000, textSent: false }, POLICY)
    t.same(decision, { retry: false, reason: `${errorClass} is not retried` }, errorClass)
    t.equal(isRetried(errorClass), false)
  }
})

t.test('retried: rate limits, unavailability, time-outs, connections lost before the response', async t => {
  for (const errorClass of ['rate_limited', 'unavailable', 'timeout'] as const) {
    t.match(retryDecision({ error: failure(errorClass), attempt: 1, remainingMs: 10000, textSent: false }, POLICY, top), { retry: true, afterRetryAfter: false }, errorClass)
    t.equal(isRetried(errorClass), true)
  }
  t.match(retryDecision({ error: failure('network', { beforeResponse: true }), attempt: 1, remainingMs: 10000, textSent: false }, POLICY), { retry: true })
  t.same(retryDecision({ error: failure('network', { beforeResponse: false }), attempt: 1, remainingMs: 10000, textSent: false }, POLICY),
    { retry: false, reason: 'the connection broke after the response began' })
})

t.test('a bounded number of attempts', async t => {
  t.match(retryDecision({ error: failure('unavailable'), attempt: 2, remainingMs: 10000, textSent: false }, POLICY), { retry: true })
  t.same(retryDecision({ error: failure('unavailable'), attempt: 3, remainingMs: 10000, textSent: false }, POLICY), { retry: false, reason: '3 attempts made' })
  t.same(retryDecision({ error: failure('unavailable'), attempt: 1, remainingMs: 10000, textSent: false }, { ...POLICY, maxAttempts: 1 }), { retry: false, reason: '1 attempt made' }, 'a probe of a half-open circuit gets one')
})

t.test('Retry-After is honoured exactly when it fits, and ends the provider at once when it does not', async t => {
  t.same(retryDecision({ error: failure('rate_limited', { retryAfterMs: 1500 }), attempt: 1, remainingMs: 2000, textSent: false }, POLICY),
    { retry: true, delayMs: 1500, afterRetryAfter: true }, 'longer than any back-off window, still honoured')
  t.same(retryDecision({ error: failure('rate_limited', { retryAfterMs: 1960 }), attempt: 1, remainingMs: 2000, textSent: false }, POLICY),
    { retry: false, reason: 'retry-after 1960 ms does not fit the remaining 2000 ms' }, 'no time would be left for the attempt itself')
  t.same(retryDecision({ error: failure('unavailable', { retryAfterMs: 0 }), attempt: 1, remainingMs: 2000, textSent: false }, POLICY),
    { retry: true, delayMs: 0, afterRetryAfter: true })
  t.same(retryDecision({ error: failure('rate_limited', { retryAfterMs: 31000 }), attempt: 3, remainingMs: 60000, textSent: false }, POLICY),
    { retry: false, reason: '3 attempts made' }, 'the attempt bound comes first')
})

t.test('exponential back-off with full jitter', async t => {
  t.same([1, 2, 3, 4].map(n => backoffDelay(n, POLICY, top)), [199, 399, 799, 999], 'the windows double up to the cap')
  t.same([1, 2, 3, 4].map(n => backoffDelay(n, POLICY, bottom)), [0, 0, 0, 0], 'full jitter reaches down to no wait')
  t.equal(backoffDelay(2, POLICY, () => 0.5), 200)
  t.equal(backoffDelay(1, POLICY, () => 7), 199, 'a bad random source cannot stretch the window')
  const waits = Array.from({ length: 200 }, () => backoffDelay(3, POLICY))
  t.ok(waits.every(w => w >= 0 && w < 800), 'Math.random stays inside the window')
  t.ok(new Set(waits).size > 50, 'and spreads the retries of many clients')
  t.same(retryDecision({ error: failure('unavailable'), attempt: 2, remainingMs: 400, textSent: false }, POLICY, top),
    { retry: false, reason: 'no time left for another attempt' }, 'a wait that would eat the rest of the budget is not taken')
  t.same(retryDecision({ error: failure('unavailable'), attempt: 2, remainingMs: 400, textSent: false }, POLICY, bottom),
    { retry: true, delayMs: 0, afterRetryAfter: false })
})

t.test('limits: an attempt\'s own time-out is retried; the spent budget or deadline is not', async t => {
  t.match(retryDecision({ error: failure('timeout'), attempt: 1, remainingMs: 3000, expired: 'attempt', textSent: false }, POLICY), { retry: true })
  t.match(retryDecision({ error: failure('timeout'), attempt: 1, remainingMs: 3000, expired: 'first_token', textSent: false }, POLICY), { retry: true })
  t.same(retryDecision({ error: failure('timeout'), attempt: 1, remainingMs: 0, expired: 'budget', textSent: false }, POLICY), { retry: false, reason: 'the provider budget is spent' })
  t.same(retryDecision({ error: failure('timeout'), attempt: 1, remainingMs: 0, expired: 'deadline', textSent: false }, POLICY), { retry: false, reason: 'the deadline is spent' })
})

t.test('a streamed answer whose text reached the client is not asked again', async t => {
  t.same(retryDecision({ error: failure('timeout'), attempt: 1, remainingMs: 3000, expired: 'idle', textSent: true }, POLICY), { retry: false, reason: 'part of the answer was already streamed' })
  t.match(retryDecision({ error: failure('timeout'), attempt: 1, remainingMs: 3000, expired: 'idle', textSent: false }, POLICY), { retry: true }, 'silent before any text: retried')
})
