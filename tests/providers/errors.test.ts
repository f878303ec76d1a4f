import t from 'tap'
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import { ApiError } from '@google/genai'
import { InferenceClientInputError, InferenceClientProviderApiError, InferenceClientProviderOutputError } from '@huggingface/inference'
import { retryAfterFromHeaders, toProviderError } from '../../src/providers/errors.js'
import { ProviderError } from '../../src/providers/types.js'

const aborted = (reason?: unknown): AbortSignal => {
  const controller = new AbortController()
  controller.abort(reason)
  return controller.signal
}

const systemError = (code: string): Error => Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code })

t.test('Retry-After in every form', async t => {
  const now = Date.parse('2025-01-01T00:00:00Z')
  t.equal(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '250' }), now), 250)
  t.equal(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now), 250, 'milliseconds win')
  t.equal(retryAfterFromHeaders(new Headers({ 'retry-after': '1.5' }), now), 1500)
  t.equal(retryAfterFromHeaders(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' }), now), 30_000)
  t.equal(retryAfterFromHeaders(new Headers({ 'retry-after': 'Tue, 31 Dec 2024 23:00:00 GMT' }), now), 0, 'a past date means now')
  t.equal(retryAfterFromHeaders(new Headers({ 'retry-after': 'soon' }), now), undefined)
  t.equal(retryAfterFromHeaders(new Headers({ 'retry-after': '-3' }), now), undefined)
  t.equal(retryAfterFromHeaders(new Headers({ 'retry-after-ms': 'x', 'retry-after': '2' }), now), 2000)
  t.equal(retryAfterFromHeaders(new Headers(), now), undefined)
  t.equal(retryAfterFromHeaders(undefined, now), undefined)
})

t.test('our own abort is a timeout, whatever shape the SDK gives it', async t => {
  const deadline = aborted(new DOMException('deadline', 'TimeoutError'))
  for (const err of [new APIUserAbortError(), new DOMException('aborted', 'AbortError'), new TypeError('terminated'), new Error('anything')]) {
    const mapped = toProviderError(err, { signal: deadline })
    t.equal(mapped.errorClass, 'timeout')
    t.equal(mapped.message, 'deadline exceeded')
  }
  const disconnect = toProviderError(new DOMException('aborted', 'AbortError'), { signal: aborted(new Error('client went away')), responded: true })
  t.equal(disconnect.message, 'request aborted')
  t.equal(disconnect.beforeResponse, false)
  t.equal(toProviderError(new DOMException('aborted', 'AbortError')).errorClass, 'timeout', 'an abort we did not ask for too')
})

t.test('a ProviderError passes through unchanged', async t => {
  const original = new ProviderError('truncated', 'cut')
  t.equal(toProviderError(original, { signal: aborted() }), original)
})

t.test('openai SDK errors', async t => {
  const headers = new Headers({ 'retry-after': '4', 'x-request-id': 'req_1' })
  const limited = toProviderError(APIError.generate(429, { error: { message: 'Rate limit reached for sk-secret', code: 'rate_limit_exceeded' } }, undefined, headers))
  t.equal(limited.errorClass, 'rate_limited')
  t.equal(limited.retryAfterMs, 4000)
  t.equal(limited.message, '429 rate_limited (rate_limit_exceeded)')
  t.equal(limited.cause, undefined, 'the SDK error, with the upstream text, is not kept')

  const timedOut = toProviderError(new APIConnectionTimeoutError())
  t.equal(timedOut.errorClass, 'timeout')
  t.equal(timedOut.beforeResponse, true)

  const refused = toProviderError(new APIConnectionError({ message: 'Connection error.', cause: new TypeError('fetch failed', { cause: systemError('ECONNREFUSED') }) }))
  t.equal(refused.errorClass, 'network')
  t.equal(refused.message, 'no response (ECONNREFUSED)')
  t.equal(refused.beforeResponse, true)

  const odd = toProviderError(APIError.generate(418, { error: { message: 'teapot', type: 'a type with spaces and prose' } }, undefined, new Headers()))
  t.equal(odd.errorClass, 'bad_request')
  t.equal(odd.message, '418 bad_request', 'a code that reads like prose is left out')
})

t.test('genai errors', async t => {
  const quota = toProviderError(new ApiError({
    status: 429,
    message: JSON.stringify({ error: { code: 429, status: 'RESOURCE_EXHAUSTED', details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2.5s' }] } })
  }))
  t.equal(quota.retryAfterMs, 2500)
  t.equal(quota.message, '429 rate_limited (RESOURCE_EXHAUSTED)')
  const prose = toProviderError(new ApiError({ status: 500, message: 'not json at all' }))
  t.equal(prose.errorClass, 'unavailable')
  t.equal(prose.message, '500 unavailable')
})

t.test('Hugging Face errors', async t => {
  const request = { url: 'http://127.0.0.1/v1/chat/completions', method: 'POST', headers: { Authorization: 'Bearer hf_secret' } }
  const policy = toProviderError(new InferenceClientProviderApiError('x', request, { requestId: '', status: 400, body: { error: { message: 'flagged by moderation', code: 'content_policy_violation' } } }))
  t.equal(policy.errorClass, 'content_filtered')
  t.notMatch(policy.message, 'hf_secret')
  t.equal(toProviderError(new InferenceClientProviderOutputError('bad output')).errorClass, 'invalid_response')
  t.equal(toProviderError(new InferenceClientInputError('no model')).errorClass, 'bad_request')
  const withHeaders = toProviderError(new InferenceClientProviderApiError('x', request, { requestId: '', status: 429, body: '' }), { headers: new Headers({ 'retry-after-ms': '700' }) })
  t.equal(withHeaders.retryAfterMs, 700)
})

t.test('network failures', async t => {
  const reset = toProviderError(new TypeError('fetch failed', { cause: systemError('ECONNRESET') }))
  t.equal(reset.errorClass, 'network')
  t.equal(reset.beforeResponse, true)
  const cut = toProviderError(new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }))
  t.equal(cut.errorClass, 'network')
  t.equal(cut.beforeResponse, false, 'terminated means the response had started')
  t.equal(toProviderError(new TypeError('terminated'), { phase: 'stream' }).errorClass, 'truncated')
  t.equal(toProviderError(new TypeError('terminated'), { phase: 'stream', responded: false }).errorClass, 'network')
  const slow = toProviderError(new TypeError('fetch failed', { cause: systemError('UND_ERR_HEADERS_TIMEOUT') }))
  t.equal(slow.errorClass, 'timeout')
  t.equal(toProviderError(systemError('ENOTFOUND')).errorClass, 'network')
})

t.test('anything else is an invalid response with a short message', async t => {
  t.equal(toProviderError(new SyntaxError('Unexpected token < in JSON')).errorClass, 'invalid_response')
  const unknown = toProviderError(new RangeError('sk-secret leaked here'))
  t.equal(unknown.errorClass, 'invalid_response')
  t.equal(unknown.message, 'unexpected failure (RangeError)')
  t.equal(toProviderError('a string').message, 'unexpected failure (string)')
  t.equal(toProviderError(new ApiError({ status: 400, message: 'plain' })).errorClass, 'bad_request')
})
