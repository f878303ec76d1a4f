// POST /api/ask and /api/prompt through the real SDKs against the local provider stubs.
import t from 'tap'
import { request as httpRequest } from 'node:http'
import { build, buildWithLogs, captureLogs } from '../helper.js'
import { KEYS, startStubs } from '../stub-env.js'
import { runQueueWaitMs } from '../support/timer-lateness.js'

const QUESTION = 'What is the advantage of using Docker containers?'
const DOCKER_ANSWER = 'Docker containers package an application with its dependencies, so it runs the same everywhere and starts in seconds.'
/** Three independent models rarely word an answer the same way. */
const PARAPHRASES = [
  DOCKER_ANSWER,
  'The main advantage of Docker containers is that an application ships with its dependencies, so it runs the same everywhere and starts in seconds.',
  'Using Docker containers, the application and its dependencies are packaged together: it runs the same way everywhere and containers start in seconds.'
]

t.test('three providers at once: one answer, three scored candidates', async t => {
  const stubs = await startStubs(t)
  ;[stubs.openai, stubs.gemini, stubs.hf].forEach((s, i) => s.setBehaviour({ text: PARAPHRASES[i], usage: { promptTokens: 40, completionTokens: 25 } }))
  const app = await build(t, stubs.env)
  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.equal(body.question, QUESTION)
  t.ok(PARAPHRASES.includes(body.answer), 'the answer is one of the candidates')
  t.equal(body.candidates.length, 3)
  t.same(body.candidates.map((c: { provider: string }) => c.provider).sort(), ['gemini', 'huggingface', 'openai'])
  for (const c of body.candidates) {
    t.equal(c.status, 'ok', `${c.provider} ok`)
    t.equal(c.attempts, 1)
    t.type(c.latencyMs, 'number')
    t.ok(c.scores !== null && c.scores.total > 0, `${c.provider} scored`)
    t.same({ p: c.usage.promptTokens, c: c.usage.completionTokens }, { p: 40, c: 25 })
    t.equal(c.filtered, null)
  }
  t.ok(body.confidence > 0.5, `agreeing answers give a high confidence (${body.confidence})`)
  t.equal(body.usage.promptTokens, 120)
  t.equal(body.usage.completionTokens, 75)
  t.ok(body.usage.costUsd > 0, 'priced models cost something')
  t.equal(body.cached, false)
  t.ok(['openai', 'gemini', 'huggingface'].includes(body.chosen.provider))

  t.equal(stubs.openai.requests[0]?.headers.authorization, `Bearer ${KEYS.openai}`)
  t.equal(stubs.hf.requests[0]?.headers.authorization, `Bearer ${KEYS.hf}`)
  t.equal(stubs.gemini.requests[0]?.headers['x-goog-api-key'], KEYS.gemini)
  const sent = stubs.openai.requests[0]?.body as { messages: Array<{ role: string, content: string }> }
  t.equal(sent.messages[0]?.role, 'system')
  t.match(sent.messages[0]?.content, /same language as the student/)
  t.same(sent.messages.at(-1), { role: 'user', content: QUESTION }, 'the question travels as user content only')
  t.notMatch(sent.messages[0]?.content, /Docker containers/, 'never inside the system prompt')
})

t.test('each provider alone', async t => {
  const stubs = await startStubs(t)
  const app = await build(t, stubs.env)
  for (const [id, stub] of [['openai', stubs.openai], ['gemini', stubs.gemini], ['huggingface', stubs.hf]] as const) {
    stub.setBehaviour({ text: `${id} says: ${DOCKER_ANSWER}` })
    const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, providers: [id] } })
    t.equal(res.statusCode, 200, id)
    const body = res.json()
    t.equal(body.candidates.length, 1)
    t.equal(body.chosen.provider, id)
    t.match(body.answer, new RegExp(`^${id} says`))
  }
})

t.test('/api/prompt answers the first version\'s request', async t => {
  const stubs = await startStubs(t)
  for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.setBehaviour({ text: 'Docker isola a aplicação e suas dependências em contêineres leves, que sobem em segundos.' })
  const app = await build(t, stubs.env)
  const res = await app.inject({ method: 'POST', url: '/api/prompt', payload: { question: 'Qual a vantagem de usar Docker?' } })
  t.equal(res.statusCode, 200)
  t.match(res.json().answer, /contêineres/)
  const extra = await app.inject({ method: 'POST', url: '/api/prompt', payload: { question: 'x', strategy: 'vote' } })
  t.equal(extra.statusCode, 400, 'the first version\'s endpoint takes only the question')
})

t.test('fan-out: the answer waits for the slowest provider, not the sum', async t => {
  const stubs = await startStubs(t)
  for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.setBehaviour({ text: DOCKER_ANSWER, headersDelayMs: 300 })
  const app = await build(t, stubs.env)
  await app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'warm up', providers: ['openai'] } })
  const waitedBefore = runQueueWaitMs()
  const started = performance.now()
  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  const elapsed = performance.now() - started
  t.equal(res.statusCode, 200)
  t.ok(elapsed >= 290, `took ${elapsed.toFixed(0)} ms, at least one provider's 300 ms`)
  // Plus the time other processes kept this one (app and stubs alike) from running meanwhile: a loaded machine's.
  const held = runQueueWaitMs() - waitedBefore
  t.ok(elapsed < 450 + held, `took ${elapsed.toFixed(0)} ms, under 450 ms (not 900) plus ${held.toFixed(0)} ms waiting for a CPU`)
})

t.test('a hung provider is abandoned at the deadline; the others answer', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ text: DOCKER_ANSWER })
  stubs.gemini.setBehaviour({ text: DOCKER_ANSWER })
  stubs.hf.setBehaviour({ type: 'hang' })
  const app = await build(t, stubs.env)
  // Start-up work (route schemas compile at ready; SDKs and serializers load parts of themselves on their
  // first use) is not the time of an answer: a first question warms them.
  await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, providers: ['openai', 'gemini'] } })
  const started = performance.now()
  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, timeoutMs: 600 } })
  const elapsed = performance.now() - started
  t.equal(res.statusCode, 200)
  t.ok(elapsed < 600 + 150, `answered in ${elapsed.toFixed(0)} ms (deadline 600 ms)`)
  const hf = res.json().candidates.find((c: { provider: string }) => c.provider === 'huggingface')
  t.equal(hf.status, 'timeout')
  t.equal(hf.error.type, 'timeout')
  t.not(hf.filtered, null)
  const [hung] = stubs.hf.requests
  if (hung === undefined) throw new Error('the hung stub saw no request')
  await stubs.hf.waitForClose(hung)
  t.ok(hung.clientAborted, 'the hung upstream socket was closed')
})

t.test('one provider failing: partial answer with its error class', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ text: DOCKER_ANSWER })
  stubs.gemini.setBehaviour({ type: 'error', status: 401, body: { error: { code: 401, message: 'API key not valid', status: 'UNAUTHENTICATED' } } })
  stubs.hf.setBehaviour({ text: DOCKER_ANSWER })
  const app = await build(t, stubs.env)
  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  t.equal(res.statusCode, 200)
  const body = res.json()
  const gemini = body.candidates.find((c: { provider: string }) => c.provider === 'gemini')
  t.equal(gemini.status, 'error')
  t.equal(gemini.error.type, 'auth')
  t.equal(gemini.error.status, 401)
  t.not(body.chosen.provider, 'gemini')
})

t.test('every provider failing: 502 listing each error class', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ type: 'error', status: 400, body: { error: { message: 'bad', type: 'invalid_request_error' } } })
  stubs.gemini.setBehaviour({ type: 'error', status: 403, body: { error: { code: 403, message: 'denied', status: 'PERMISSION_DENIED' } } })
  stubs.hf.setBehaviour({ type: 'reset' })
  const app = await build(t, stubs.env)
  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  t.equal(res.statusCode, 502)
  t.match(res.headers['content-type'], /application\/problem\+json/)
  const problem = res.json()
  t.equal(problem.status, 502)
  const classes = Object.fromEntries(problem.providers.map((p: { provider: string, errorClass: string }) => [p.provider, p.errorClass]))
  t.same(classes, { openai: 'bad_request', gemini: 'auth', huggingface: 'network' })
})

t.test('unknown providers, blank questions, and no provider configured', async t => {
  const stubs = await startStubs(t)
  const app = await build(t, stubs.env)
  const unknown = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, providers: ['openai', 'claude', 'mistral'] } })
  t.equal(unknown.statusCode, 400)
  t.match(unknown.json().detail, /claude, mistral/)
  t.same(unknown.json().errors.map((e: { message: string }) => e.message), ['"claude" is not a configured provider', '"mistral" is not a configured provider'])
  const blank = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '   \n ' } })
  t.equal(blank.statusCode, 400)
  t.same(blank.json().errors, [{ field: 'body/question', message: 'must not be blank' }])
  const long = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'x'.repeat(8001) } })
  t.equal(long.statusCode, 400)

  const none = await build(t, {})
  const res = await none.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  t.equal(res.statusCode, 503)
  t.match(res.json().detail, /OPENAI_API_KEY/)
  t.equal(stubs.openai.requests.length, 0)
})

t.test('a client that disconnects aborts the upstream calls', async t => {
  const stubs = await startStubs(t)
  for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.setBehaviour({ text: DOCKER_ANSWER, headersDelayMs: 5000 })
  const app = await build(t, stubs.env)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/ask', headers: { 'content-type': 'application/json' } })
  req.on('error', () => {})
  req.end(JSON.stringify({ question: QUESTION }))
  const arrived = await Promise.all([stubs.openai.waitForRequests(1), stubs.gemini.waitForRequests(1), stubs.hf.waitForRequests(1)])
  const started = performance.now()
  req.destroy()
  const closed = await Promise.all(arrived.map(async ([r], i) => await [stubs.openai, stubs.gemini, stubs.hf][i]!.waitForClose(r!)))
  t.ok(performance.now() - started < 1000, 'upstream sockets closed promptly')
  for (const r of closed) t.ok(r.clientAborted, `${r.path} aborted`)
})

t.test('keys never appear in a response or a log line', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ text: DOCKER_ANSWER })
  stubs.gemini.setBehaviour({ type: 'error', status: 400, body: { error: { code: 400, message: `API key not valid: ${KEYS.gemini}`, status: 'INVALID_ARGUMENT' } } })
  stubs.hf.setBehaviour({ type: 'error', status: 401, body: { error: `Invalid credentials ${KEYS.hf}` } })
  const logs = captureLogs()
  const app = await buildWithLogs(t, stubs.env, logs.stream)
  const responses = [
    await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION }, headers: { authorization: `Bearer ${KEYS.openai}` } }),
    await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, providers: ['gemini', 'huggingface'] } }),
    await app.inject({ method: 'GET', url: '/api/providers' })
  ]
  const everything = [...responses.map(r => JSON.stringify(r.headers) + r.body), ...logs.lines].join('\n')
  t.ok(logs.lines.length > 0, 'something was logged')
  for (const key of Object.values(KEYS)) t.notOk(everything.includes(key), `${key.slice(0, 6)}… never leaks`)
})

t.test('GET /api/providers lists the providers with their state', async t => {
  const stubs = await startStubs(t)
  stubs.openai.setBehaviour({ text: DOCKER_ANSWER })
  stubs.gemini.setBehaviour({ text: DOCKER_ANSWER })
  stubs.hf.setBehaviour({ type: 'error', status: 503, body: { error: 'loading' } })
  const app = await build(t, stubs.env)
  await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
  const res = await app.inject({ method: 'GET', url: '/api/providers' })
  t.equal(res.statusCode, 200)
  const byId = Object.fromEntries(res.json().providers.map((p: { id: string }) => [p.id, p]))
  t.same(Object.keys(byId).sort(), ['gemini', 'huggingface', 'openai'])
  t.match(byId.huggingface, { kind: 'huggingface', model: 'openai/gpt-oss-20b', enabled: true, circuit: 'closed', calls: 1, errorRate: 1 })
  t.match(byId.openai, { kind: 'openai', calls: 1, errorRate: 0 })
  t.type(byId.openai.latencyP50Ms, 'number')
})
