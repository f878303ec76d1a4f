// Faults answered with an HTTP status or a dropped connection: what is retried, how often, how far apart, and what the answer is.
import t from 'tap'
import { geminiErrorBody } from '../stubs/gemini-stub.js'
import { openAIErrorBody } from '../stubs/openai-stub.js'
import { slack, answeredWithout, ask, gaps, holds, rig, servesAfterwards } from './resilience-helper.js'


t.test('429 with a Retry-After that fits the budget: one retry, exactly that long after', async t => {
  const r = await rig(t)
  r.stub('openai').enqueue({ type: 'error', status: 429, body: openAIErrorBody(429, 'Rate limit reached for requests', 'rate_limit_exceeded'), headers: { 'retry-after-ms': '400' } })
  r.stub('gemini').enqueue({ type: 'error', status: 429, body: geminiErrorBody(429, 'Resource has been exhausted (e.g. check quota).'), headers: { 'retry-after': '1' } })
  r.stub('huggingface').enqueue({ type: 'error', status: 429, body: openAIErrorBody(429, 'Too many requests'), headers: { 'retry-after-ms': '300' } })

  const asked = await ask(r.app)
  t.equal(asked.status, 200)
  const waits = { openai: 400, gemini: 1000, huggingface: 300 } as const
  for (const [id, wait] of Object.entries(waits)) {
    const c = asked.candidate(id)
    t.equal(c.status, 'ok', `${id} answered on its retry`)
    t.equal(c.attempts, 2, `${id}: two attempts`)
    const stub = r.stub(id as keyof typeof waits)
    t.equal(stub.requests.length, 2, `${id}: the stub saw two requests`)
    const [gap] = gaps(stub.requests)
    t.ok(gap! >= wait - 5 && gap! < wait + slack(), `${id}: retried ${gap!.toFixed(0)} ms later (Retry-After ${wait} ms)`)
  }
  t.ok(asked.elapsedMs < 1000 + 2 * slack(), `answered in ${asked.elapsedMs.toFixed(0)} ms: the longest Retry-After plus one quick call`)
  t.equal(asked.body.confidence > 0.5, true, 'three agreeing answers')
  await servesAfterwards(t, r)
})

t.test('429 with a Retry-After longer than the budget: given up at once, no second request', async t => {
  const r = await rig(t)
  // Retry-After: 2 s (OpenAI) and RetryInfo 31 s in the body (Gemini), with 1.5 s to answer.
  r.stub('openai').setBehaviour(r.stub('openai').presets['rate-limited']!.behaviour)
  r.stub('gemini').setBehaviour(r.stub('gemini').presets['rate-limited']!.behaviour)

  const asked = await ask(r.app, { timeoutMs: 1500 })
  answeredWithout(t, asked, 'openai', 'gemini')
  t.ok(asked.elapsedMs < 500, `answered in ${asked.elapsedMs.toFixed(0)} ms, without waiting out the 1.5 s budget`)
  for (const [id, wait] of [['openai', 2000], ['gemini', 31000]] as const) {
    const c = asked.candidate(id)
    t.equal(c.status, 'error')
    t.equal(c.attempts, 1, `${id}: one attempt`)
    t.equal(r.stub(id).requests.length, 1, `${id}: the stub saw one request`)
    t.match(c.error, { type: 'rate_limited', status: 429 })
    t.match(c.error?.message, new RegExp(`retry-after ${wait} ms does not fit the remaining \\d+ ms`))
  }
  t.equal(asked.body.chosen?.provider, 'huggingface')
  await servesAfterwards(t, r)
})

t.test('persistent 429 without Retry-After: three attempts with exponential back-off', async t => {
  const r = await rig(t)
  r.stub('huggingface').setBehaviour({ type: 'error', status: 429, body: openAIErrorBody(429, 'Too many requests') })
  // Jitter pinned at the top of its window, so the spacing is the window itself: 100 ms, then 200 ms.
  const random = Math.random
  Math.random = () => 0.999
  t.teardown(() => { Math.random = random })

  const asked = await ask(r.app)
  Math.random = random
  answeredWithout(t, asked, 'huggingface')
  const hf = asked.candidate('huggingface')
  t.equal(hf.attempts, 3, 'bounded at three attempts')
  t.match(hf.error, { type: 'rate_limited', status: 429 })
  t.match(hf.error?.message, /gave up: 3 attempts made/)
  t.equal(r.stub('huggingface').requests.length, 3, 'the stub saw three requests, not more')
  const [first, second] = gaps(r.stub('huggingface').requests)
  t.ok(first! >= 99 && first! < 100 + slack(), `first retry after ${first!.toFixed(0)} ms (window 100 ms)`)
  t.ok(second! >= 199 && second! < 200 + slack(), `second retry after ${second!.toFixed(0)} ms (window 200 ms)`)
  t.ok(asked.elapsedMs < 300 + 3 * slack(), `answered in ${asked.elapsedMs.toFixed(0)} ms`)
  await servesAfterwards(t, r)
})

t.test('full jitter: each retry waits a random time within its window', async t => {
  const r = await rig(t, { RETRY_MAX_ATTEMPTS: '4', RETRY_BASE_DELAY_MS: '200' })
  r.stub('openai').setBehaviour({ type: 'error', status: 429, body: openAIErrorBody(429, 'Rate limit reached for requests', 'rate_limit_exceeded') })
  const asked = await ask(r.app)
  t.equal(asked.candidate('openai').attempts, 4)
  const spacing = gaps(r.stub('openai').requests)
  t.equal(spacing.length, 3)
  spacing.forEach((gap, i) => {
    const window = 200 * 2 ** i
    t.ok(gap >= 0 && gap < window + slack(), `retry ${i + 1} after ${gap.toFixed(0)} ms (window ${window} ms)`)
  })
  t.ok(spacing.reduce((a, b) => a + b, 0) < 1400 + 3 * slack(), 'never more than the windows add up to')
  await servesAfterwards(t, r)
})

t.test('500 once, then healthy: the retry answers', async t => {
  const r = await rig(t)
  const gemini = r.stub('gemini')
  gemini.enqueue(gemini.presets['server-error-once']!.behaviour)
  const asked = await ask(r.app)
  t.equal(asked.status, 200)
  const c = asked.candidate('gemini')
  t.equal(c.status, 'ok')
  t.equal(c.attempts, 2)
  t.equal(c.text, 'The main advantage of Docker containers is that an application ships with its dependencies, so it runs the same everywhere and starts in seconds.')
  t.equal(gemini.requests.length, 2)
  t.ok(gaps(gemini.requests)[0]! < 100 + slack(), 'the retry waited at most one back-off window')
  t.ok(asked.elapsedMs < 100 + 2 * slack(), `answered in ${asked.elapsedMs.toFixed(0)} ms`)
  await servesAfterwards(t, r)
})

t.test('persistent 503: three spaced attempts, then the others answer', async t => {
  const r = await rig(t)
  const openai = r.stub('openai')
  openai.setBehaviour(openai.presets.unavailable!.behaviour)
  const asked = await ask(r.app)
  answeredWithout(t, asked, 'openai')
  const c = asked.candidate('openai')
  t.equal(c.attempts, 3)
  t.match(c.error, { type: 'unavailable', status: 503 })
  t.equal(openai.requests.length, 3)
  gaps(openai.requests).forEach((gap, i) => { t.ok(gap < 100 * 2 ** i + slack(), `retry ${i + 1} after ${gap.toFixed(0)} ms`) })
  t.ok(asked.elapsedMs < 300 + 3 * slack(), `answered in ${asked.elapsedMs.toFixed(0)} ms`)

  const list = await r.app.inject({ method: 'GET', url: '/api/providers' })
  const info = list.json().providers.find((p: { id: string }) => p.id === 'openai')
  t.match(info, { circuit: 'closed', calls: 1, errorRate: 1 }, 'one failed question (of three attempts) is one failure for the breaker')
  await servesAfterwards(t, r)
})

t.test('connection reset before the headers: retried; a persistent reset ends as a network error', async t => {
  const r = await rig(t)
  r.stub('huggingface').enqueue({ type: 'reset' })
  r.stub('gemini').setBehaviour({ type: 'reset' })
  const asked = await ask(r.app)
  t.equal(asked.status, 200)
  const hf = asked.candidate('huggingface')
  t.equal(hf.status, 'ok', 'a reset once, then an answer')
  t.equal(hf.attempts, 2)
  t.equal(r.stub('huggingface').requests.length, 2)
  const gemini = asked.candidate('gemini')
  t.equal(gemini.status, 'error')
  t.equal(gemini.attempts, 3)
  t.equal(gemini.error?.type, 'network')
  t.equal(r.stub('gemini').requests.length, 3)
  t.not(asked.body.chosen?.provider, 'gemini')
  t.ok(asked.elapsedMs < 300 + 3 * slack(), `answered in ${asked.elapsedMs.toFixed(0)} ms`)
  await servesAfterwards(t, r)
})

t.test('accepts and never answers: abandoned at the provider budget, socket closed', async t => {
  const r = await rig(t, { PROVIDER_TIMEOUT_MS: '500' })
  r.stub('openai').setBehaviour({ type: 'hang' })
  const asked = await ask(r.app)
  answeredWithout(t, asked, 'openai')
  t.ok(asked.elapsedMs >= 495 && asked.elapsedMs < 500 + 50 + slack(), `answered in ${asked.elapsedMs.toFixed(0)} ms: the 500 ms budget, not the 5 s deadline`)
  const c = asked.candidate('openai')
  t.equal(c.status, 'timeout')
  t.equal(c.attempts, 1, 'a hung call uses the whole budget: no time is left to retry')
  t.match(c.error, { type: 'timeout', message: /provider budget of 500 ms/ })
  const [held] = await holds(r.stub('openai'))
  t.ok(r.stub('openai').requests[0]?.clientAborted, 'the hung upstream socket was closed')
  t.ok(held! < 500 + slack(), `the connection was held ${held!.toFixed(0)} ms`)
  await servesAfterwards(t, r)
})

t.test('with an attempt limit, a hung call is retried inside the budget', async t => {
  const r = await rig(t, { ATTEMPT_TIMEOUT_MS: '200', PROVIDER_TIMEOUT_MS: '2000' })
  const hf = r.stub('huggingface')
  hf.enqueue({ type: 'hang' }, { type: 'hang' })
  hf.setBehaviour({ text: 'Using Docker containers, the application and its dependencies are packaged together: it runs the same way everywhere and containers start in seconds.' })
  const asked = await ask(r.app)
  t.equal(asked.status, 200)
  const c = asked.candidate('huggingface')
  t.equal(c.status, 'ok', 'the third attempt answered')
  t.equal(c.attempts, 3)
  t.equal(hf.requests.length, 3)
  const held = await holds(hf)
  for (const i of [0, 1]) {
    t.ok(hf.requests[i]?.clientAborted, `hung attempt ${i + 1} was closed`)
    t.ok(held[i]! < 200 + slack(), `hung attempt ${i + 1} held ${held[i]!.toFixed(0)} ms (limit 200 ms from the attempt's start)`)
  }
  gaps(hf.requests).forEach((gap, i) => { t.ok(gap < 200 + 100 * 2 ** i + slack(), `attempt ${i + 2} began ${gap.toFixed(0)} ms after the one before`) })
  t.ok(asked.elapsedMs >= 400, `answered after ${asked.elapsedMs.toFixed(0)} ms: two attempt limits of 200 ms came first`)
  await servesAfterwards(t, r)
})

t.test('400 context length: never retried, and the breaker does not count it', async t => {
  const r = await rig(t, { BREAKER_FAILURES: '1' })
  for (const id of ['openai', 'huggingface'] as const) r.stub(id).setBehaviour(r.stub(id).presets['context-length']!.behaviour)
  const asked = await ask(r.app)
  answeredWithout(t, asked, 'openai', 'huggingface')
  t.equal(asked.body.chosen?.provider, 'gemini')
  for (const id of ['openai', 'huggingface'] as const) {
    const c = asked.candidate(id)
    t.match(c, { status: 'error', attempts: 1, error: { type: 'context_length', status: 400 } }, `${id}: context_length, one attempt`)
    t.notMatch(c.error?.message, /gave up/, 'no retry was considered')
    t.equal(r.stub(id).requests.length, 1)
  }
  t.ok(asked.elapsedMs < 2 * slack(), `answered in ${asked.elapsedMs.toFixed(0)} ms`)
  const list = (await r.app.inject({ method: 'GET', url: '/api/providers' })).json()
  t.same(list.providers.map((p: { circuit: string }) => p.circuit), ['closed', 'closed', 'closed'], 'the request\'s fault says nothing about availability')
  await servesAfterwards(t, r)
})

t.test('400 content filter (and Gemini\'s blocked prompt): never retried', async t => {
  const r = await rig(t)
  r.stub('huggingface').setBehaviour(r.stub('huggingface').presets['content-filter']!.behaviour)
  r.stub('gemini').setBehaviour(r.stub('gemini').presets['content-filter']!.behaviour)
  const asked = await ask(r.app)
  answeredWithout(t, asked, 'huggingface', 'gemini')
  t.equal(asked.body.chosen?.provider, 'openai')
  t.match(asked.candidate('huggingface'), { status: 'error', attempts: 1, error: { type: 'content_filtered', status: 400 } })
  t.match(asked.candidate('gemini'), { status: 'error', attempts: 1, error: { type: 'content_filtered' } })
  t.equal(r.stub('huggingface').requests.length, 1)
  t.equal(r.stub('gemini').requests.length, 1)
  await servesAfterwards(t, r)
})
