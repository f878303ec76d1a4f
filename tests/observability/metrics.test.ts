// GET /metrics: valid Prometheus text whose series move as questions are asked, behind METRICS_TOKEN when set.
import t from 'tap'
import { build } from '../helper.js'
import { startStubs } from '../stub-env.js'
import { parsePrometheus, sumOf, valueOf } from './prometheus-text.js'

/** The helper builds apps without the answer cache; these tests are about it. */
const CACHE_ON = { CACHE_TTL_S: '3600' }
const QUESTION = 'What is the advantage of using Docker containers?'
const ANSWER = 'Docker containers package an application with its dependencies, so it runs the same everywhere and starts in seconds.'

type App = Awaited<ReturnType<typeof build>>

async function scrape (app: App, headers: Record<string, string> = {}): Promise<ReturnType<typeof parsePrometheus>> {
  const res = await app.inject({ method: 'GET', url: '/metrics', headers })
  if (res.statusCode !== 200) throw new Error(`/metrics answered ${res.statusCode}`)
  return parsePrometheus(res.body)
}

t.test('/metrics is Prometheus text with HELP and TYPE for every family, process metrics included', async t => {
  const app = await build(t)
  const res = await app.inject({ method: 'GET', url: '/metrics' })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8')
  const families = parsePrometheus(res.body)
  for (const name of [
    'iscoolgpt_http_requests_total', 'iscoolgpt_http_request_duration_seconds', 'iscoolgpt_provider_calls_total',
    'iscoolgpt_provider_call_duration_seconds', 'iscoolgpt_provider_errors_total', 'iscoolgpt_provider_tokens_total',
    'iscoolgpt_provider_cost_usd_total', 'iscoolgpt_provider_circuit_state', 'iscoolgpt_asks_total', 'iscoolgpt_ask_confidence',
    'iscoolgpt_cache_hits_total', 'iscoolgpt_cache_misses_total', 'process_cpu_user_seconds_total', 'process_resident_memory_bytes',
    'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_seconds'
  ]) {
    const family = families.get(name)
    t.ok(family, `${name} is exposed`)
    t.ok((family?.help.length ?? 0) > 0, `${name} has help text`)
  }
  t.equal(families.get('iscoolgpt_provider_call_duration_seconds')?.type, 'histogram')
  t.equal(families.get('iscoolgpt_provider_circuit_state')?.type, 'gauge')
  t.ok(valueOf(families, 'process_resident_memory_bytes') > 0)
  t.notMatch(res.body, /sk-|hf_/, 'no key material')
})

t.test('the parser used here rejects what Prometheus would reject', async t => {
  t.throws(() => parsePrometheus('x_total 1\n'), /no # TYPE/)
  t.throws(() => parsePrometheus('# TYPE x counter\nx{a="1} 1\n'), /unterminated/)
  t.throws(() => parsePrometheus('# TYPE x counter\nx{a=1} 1\n'), /not quoted/)
  t.throws(() => parsePrometheus('# TYPE x counter\nx one\n'), /not a number/)
  t.throws(() => parsePrometheus('# TYPE x counter\nx 1\nx 2\n'), /duplicate/)
  t.throws(() => parsePrometheus('# TYPE x counter\nx 1'), /newline/)
  t.throws(() => parsePrometheus('# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_count 1\n'), /decrease/)
  t.throws(() => parsePrometheus('# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_count 1\n'), /not the count/)
  t.equal(parsePrometheus('# HELP y a "quoted" \\\\ help\n# TYPE y gauge\ny{a="q\\"x\\nz"} Nan\n').get('y')?.samples[0]?.labels.a, 'q"x\nz')
})

t.test('the provider, ask, cache and HTTP series move when questions are asked', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ text: ANSWER, usage: { promptTokens: 40, completionTokens: 25 } })
  stubs.gemini.setBehaviour({ text: ANSWER, usage: { promptTokens: 50, completionTokens: 30 } })
  stubs.hf.setBehaviour({ type: 'error', status: 401, body: { error: 'Invalid credentials in Authorization header' } })
  const app = await build(t, { ...stubs.env, ...CACHE_ON })

  const before = await scrape(app)
  t.equal(sumOf(before, 'iscoolgpt_provider_calls_total'), 0, 'nothing asked yet')

  const first = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, strategy: 'consensus' } })
  t.equal(first.statusCode, 200)
  const afterFirst = await scrape(app)
  t.equal(valueOf(afterFirst, 'iscoolgpt_provider_calls_total', { provider: 'openai', model: 'gpt-4o-mini', outcome: 'ok' }), 1)
  t.equal(valueOf(afterFirst, 'iscoolgpt_provider_calls_total', { provider: 'gemini', outcome: 'ok' }), 1)
  t.equal(valueOf(afterFirst, 'iscoolgpt_provider_calls_total', { provider: 'huggingface', outcome: 'error' }), 1)
  t.equal(valueOf(afterFirst, 'iscoolgpt_provider_errors_total', { provider: 'huggingface', error_class: 'auth' }), 1, 'errors by class')
  t.equal(valueOf(afterFirst, 'iscoolgpt_provider_call_duration_seconds_count', { provider: 'openai', outcome: 'ok' }), 1, 'latency observed')
  t.equal(valueOf(afterFirst, 'iscoolgpt_provider_tokens_total', { provider: 'gemini', type: 'completion' }), 30)
  t.ok(valueOf(afterFirst, 'iscoolgpt_provider_cost_usd_total', { provider: 'openai' }) > 0)
  t.equal(valueOf(afterFirst, 'iscoolgpt_provider_outcomes_total', { provider: 'huggingface', status: 'error', reason: 'auth' }), 1)
  t.equal(valueOf(afterFirst, 'iscoolgpt_asks_total', { strategy: 'consensus', outcome: 'answered', cached: 'false' }), 1, 'asks by strategy')
  t.equal(valueOf(afterFirst, 'iscoolgpt_ask_confidence_count', { strategy: 'consensus' }), 1)
  t.equal(valueOf(afterFirst, 'iscoolgpt_ask_confidence_sum', { strategy: 'consensus' }), first.json().confidence, 'the confidence of the answer')
  t.equal(valueOf(afterFirst, 'iscoolgpt_cache_misses_total'), 1)
  t.equal(valueOf(afterFirst, 'iscoolgpt_http_requests_total', { method: 'POST', route: '/api/ask', status_code: '200' }), 1)
  t.equal(valueOf(afterFirst, 'iscoolgpt_http_request_duration_seconds_count', { method: 'POST', route: '/api/ask', status_code: '200' }), 1)
  t.equal(valueOf(afterFirst, 'iscoolgpt_http_requests_total', { method: 'GET', route: '/metrics', status_code: '200' }), 1, 'the scrape before counts too')

  const again = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, strategy: 'consensus' } })
  t.equal(again.json().cached, true)
  const afterSecond = await scrape(app)
  t.equal(sumOf(afterSecond, 'iscoolgpt_provider_calls_total'), 3, 'a cached answer calls no provider')
  t.equal(valueOf(afterSecond, 'iscoolgpt_cache_hits_total', { store: 'memory' }), 1)
  t.equal(valueOf(afterSecond, 'iscoolgpt_asks_total', { strategy: 'consensus', outcome: 'answered', cached: 'true' }), 1)

  await app.inject({ method: 'GET', url: '/no/such/page' })
  await app.inject({ method: 'GET', url: '/another/probe' })
  const afterProbes = await scrape(app)
  t.equal(valueOf(afterProbes, 'iscoolgpt_http_requests_total', { method: 'GET', route: 'unmatched', status_code: '404' }), 2, 'unknown paths share one series')
  t.notOk([...afterProbes.values()].some(f => f.samples.some(s => s.labels.route === '/no/such/page')))

  const bad = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, providers: ['nope'] } })
  t.equal(bad.statusCode, 400)
  const afterBad = await scrape(app)
  t.equal(valueOf(afterBad, 'iscoolgpt_asks_total', { outcome: 'rejected' }), 1, 'a refused question counts as rejected')
  t.equal(valueOf(afterBad, 'iscoolgpt_http_requests_total', { method: 'POST', route: '/api/ask', status_code: '400' }), 1)
})

t.test('circuit state per provider: open after repeated failures', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ text: ANSWER })
  stubs.gemini.setBehaviour({ text: ANSWER })
  stubs.hf.setBehaviour({ type: 'error', status: 503, body: { error: 'overloaded' } })
  const app = await build(t, { ...stubs.env, ...CACHE_ON, BREAKER_FAILURES: '2', RETRY_MAX_ATTEMPTS: '1' })
  const closed = await scrape(app)
  t.equal(valueOf(closed, 'iscoolgpt_provider_circuit_state', { provider: 'huggingface' }), 0, 'closed at start')
  for (let i = 0; i < 2; i++) {
    const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: `${QUESTION} ${i}` } })
    t.equal(res.statusCode, 200)
  }
  const open = await scrape(app)
  t.equal(valueOf(open, 'iscoolgpt_provider_circuit_state', { provider: 'huggingface' }), 2, 'open')
  t.equal(valueOf(open, 'iscoolgpt_provider_circuit_state', { provider: 'openai' }), 0)
  t.equal(valueOf(open, 'iscoolgpt_provider_errors_total', { provider: 'huggingface', error_class: 'unavailable' }), 2)

  await app.inject({ method: 'POST', url: '/api/ask', payload: { question: `${QUESTION} 3` } })
  const skipped = await scrape(app)
  t.equal(valueOf(skipped, 'iscoolgpt_provider_outcomes_total', { provider: 'huggingface', status: 'skipped', reason: 'circuit_open' }), 1, 'skipped while open')
  t.equal(valueOf(skipped, 'iscoolgpt_provider_calls_total', { provider: 'huggingface', outcome: 'error' }), 2, 'and not called')
})

t.test('every provider failing is counted as a failed ask', async t => {
  const stubs = await startStubs(t)
  for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.setBehaviour({ type: 'error', status: 400, body: { error: { message: 'bad', type: 'invalid_request_error' } } })
  const app = await build(t, { ...stubs.env, ...CACHE_ON })
  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, strategy: 'vote' } })
  t.equal(res.statusCode, 502)
  const m = await scrape(app)
  t.equal(valueOf(m, 'iscoolgpt_asks_total', { strategy: 'vote', outcome: 'failed', cached: 'false' }), 1)
  t.equal(sumOf(m, 'iscoolgpt_provider_errors_total', { error_class: 'bad_request' }), 3)
  t.equal(sumOf(m, 'iscoolgpt_ask_confidence_count'), 0, 'no confidence without an answer')
})

t.test('METRICS_TOKEN guards /metrics with its own bearer token; the API keys do not open it', async t => {
  const app = await build(t, { METRICS_TOKEN: 'scrape-secret-123', API_KEYS: 'web:web-key-12345678' })
  const none = await app.inject({ method: 'GET', url: '/metrics' })
  t.equal(none.statusCode, 401)
  t.match(none.headers['content-type'], /application\/problem\+json/)
  t.match(none.headers['www-authenticate'], /^Bearer /)
  const apiKey = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer web-key-12345678' } })
  t.equal(apiKey.statusCode, 403)
  const wrong = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer scrape-secret-124' } })
  t.equal(wrong.statusCode, 403)
  t.notMatch(wrong.body, /scrape-secret/, 'the token is never echoed')
  const right = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer scrape-secret-123' } })
  t.equal(right.statusCode, 200)
  t.ok(parsePrometheus(right.body).has('iscoolgpt_asks_total'))
})

t.test('scrapes are not rate limited and never hit the API key check', async t => {
  const app = await build(t, { RATE_LIMIT_MAX: '2', API_KEYS: 'web:web-key-12345678' })
  for (let i = 0; i < 5; i++) {
    const res = await app.inject({ method: 'GET', url: '/metrics' })
    t.equal(res.statusCode, 200, `scrape ${i + 1}`)
    t.equal(res.headers['x-ratelimit-limit'], undefined)
  }
})

t.test('the OpenAPI document describes GET /metrics as text/plain under the metrics tag', async t => {
  const app = await build(t)
  const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json()
  const op = doc.paths['/metrics']?.get
  t.ok(op, 'documented')
  t.equal(op.operationId, 'getMetrics')
  t.same(op.tags, ['metrics'])
  t.same(Object.keys(op.responses['200'].content), ['text/plain'])
  t.ok(op.responses['401'] !== undefined && op.responses['403'] !== undefined, 'the token errors are documented')
})
