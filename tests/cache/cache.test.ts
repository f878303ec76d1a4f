// The answer cache's tests: one subtest per former file, in one process: tap starts each test file in a process of its own,
// and for a small file that start-up (TypeScript loader, process info, tap's plugins, the app's imports) cost more than its tests.
// One part alone: npx tap --disable-coverage --grep='^cache$' tests/cache/cache.test.ts (the part's name is its former file's).
import t from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyBaseLogger } from 'fastify'
import { Redis } from 'ioredis'
import type { AskResponse } from '../../schemas/ask.js'
import { AnswerCache, REDIS_PREFIX } from '../../src/cache/answer-cache.js'
import { answerCacheKey, normaliseQuestion } from '../../src/cache/cache-key.js'
import { isCacheable } from '../../src/cache/cached-ask-service.js'
import { SingleFlight } from '../../src/cache/single-flight.js'
import { build, buildWithLogs, captureLogs, isolateData } from '../helper.js'
import { findRedisServer, NO_REDIS_NOTICE, startRedis } from '../security/redis-server.js'
import { readSse } from '../streaming/sse-reader.js'
import { startStubs, type Stubs } from '../stub-env.js'

t.test('cache', async t => {
  // The answer cache in memory: the same question is not paid for twice, and identical questions in flight share one fan-out.
  isolateData(t)
  /** The helper builds apps without the answer cache; these tests are about it. */
  const CACHE_ON = { CACHE_TTL_S: '3600' }
  const QUESTION = 'Qual a vantagem de usar contêineres Docker?'
  const ANSWER = 'Contêineres Docker empacotam a aplicação com suas dependências, então ela roda igual em qualquer lugar e sobe em segundos.'

  const calls = (stubs: Stubs): number => stubs.openai.requests.length + stubs.gemini.requests.length + stubs.hf.requests.length

  function answering (stubs: Stubs, behaviour: Record<string, unknown> = {}): void {
    for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.setBehaviour({ text: ANSWER, ...behaviour })
  }

  t.test('questions that differ only in case, spacing and accents share a key; providers, strategy and conversation do not', async t => {
    t.equal(normaliseQuestion('  Qual a VANTAGEM\n de usar   contêineres?  '), 'qual a vantagem de usar conteineres?')
    t.equal(normaliseQuestion('ÇÃO ção'), 'cao cao')
    const base = { question: QUESTION, providers: ['openai', 'gemini'], strategy: 'auto', waitFor: 'all' }
    const key = answerCacheKey(base)
    t.match(key, /^v1:[A-Za-z0-9_-]{43}$/, 'a fixed-length hash: the question never becomes a Redis key name')
    t.equal(answerCacheKey({ ...base, question: 'qual a vantagem de usar CONTEINERES docker? ' }), key)
    t.equal(answerCacheKey({ ...base, providers: ['gemini', 'openai'] }), key, 'provider order does not matter')
    t.not(answerCacheKey({ ...base, providers: ['openai'] }), key)
    t.not(answerCacheKey({ ...base, strategy: 'vote' }), key)
    t.not(answerCacheKey({ ...base, waitFor: 'first' }), key)
    t.not(answerCacheKey({ ...base, question: 'Qual a desvantagem de usar contêineres Docker?' }), key)
    t.not(answerCacheKey({ ...base, history: [{ role: 'user', content: 'Fale de Kubernetes' }] }), key, 'an earlier turn changes the answer')
    t.not(answerCacheKey({ ...base, system: 'Answer in one word.' }), key)
  })

  t.test('a second identical question is answered from the cache without any provider call', async t => {
    const stubs = await startStubs(t)
    answering(stubs)
    const app = await build(t, { ...stubs.env, ...CACHE_ON })
    const first = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
    t.equal(first.statusCode, 200)
    t.equal(first.json().cached, false)
    t.equal(calls(stubs), 3)

    const variant = '  qual a VANTAGEM de usar conteineres   docker? '
    const second = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: variant } })
    t.equal(second.statusCode, 200)
    t.equal(calls(stubs), 3, 'no stub saw another request')
    const a = first.json()
    const b = second.json()
    t.equal(b.cached, true)
    t.equal(b.answer, a.answer)
    t.same(b.candidates, a.candidates)
    t.not(b.id, a.id, 'a new id: the answer is shared, the request is not')
    t.equal(b.id, second.headers['x-request-id'])
    t.equal(b.question, variant.trim(), 'the question as this client asked it')
    t.ok(b.latencyMs <= a.latencyMs, 'this request\'s own time')

    const prompt = await app.inject({ method: 'POST', url: '/api/prompt', payload: { question: QUESTION } })
    t.equal(prompt.json().cached, true, '/api/prompt shares the cache of a default ask')
    const other = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, strategy: 'best' } })
    t.equal(other.json().cached, false, 'another strategy is another answer')
    const fewer = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, providers: ['openai'] } })
    t.equal(fewer.json().cached, false, 'other providers too')
    t.equal(calls(stubs), 3 + 3 + 1)
  })

  t.test('Cache-Control: no-cache asks again and refreshes the entry; no-store leaves the cache alone', async t => {
    const stubs = await startStubs(t)
    answering(stubs)
    const app = await build(t, { ...stubs.env, ...CACHE_ON })
    await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
    t.equal(calls(stubs), 3)

    answering(stubs, { text: `${ANSWER} Atualizado.` })
    const fresh = await app.inject({ method: 'POST', url: '/api/ask', headers: { 'cache-control': 'no-cache' }, payload: { question: QUESTION } })
    t.equal(calls(stubs), 6, 'the providers were asked again')
    t.equal(fresh.json().cached, false)
    t.match(fresh.json().answer, /Atualizado/)
    const after = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
    t.equal(after.json().cached, true)
    t.match(after.json().answer, /Atualizado/, 'the fresh answer replaced the old one')
    t.equal(calls(stubs), 6)

    const pragma = await app.inject({ method: 'POST', url: '/api/ask', headers: { pragma: 'no-cache' }, payload: { question: QUESTION } })
    t.equal(pragma.json().cached, false, 'HTTP/1.0 Pragma: no-cache too')
    const maxAge = await app.inject({ method: 'POST', url: '/api/ask', headers: { 'cache-control': 'max-age=0' }, payload: { question: QUESTION } })
    t.equal(maxAge.json().cached, false, 'and max-age=0')

    const other = 'O que é um security group na AWS?'
    const unstored = await app.inject({ method: 'POST', url: '/api/ask', headers: { 'cache-control': 'no-store' }, payload: { question: other } })
    t.equal(unstored.json().cached, false)
    const next = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: other } })
    t.equal(next.json().cached, false, 'no-store kept the answer out of the cache')
  })

  t.test('ten concurrent identical questions make one call per provider', async t => {
    const stubs = await startStubs(t)
    answering(stubs, { headersDelayMs: 150 })
    const app = await build(t, { ...stubs.env, ...CACHE_ON })
    const responses = await Promise.all(Array.from({ length: 10 }, async () =>
      await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })))
    t.same(responses.map(r => r.statusCode), Array(10).fill(200))
    t.equal(stubs.openai.requests.length, 1, 'openai called once')
    t.equal(stubs.gemini.requests.length, 1, 'gemini called once')
    t.equal(stubs.hf.requests.length, 1, 'huggingface called once')
    const bodies = responses.map(r => r.json())
    t.equal(bodies.filter(b => !b.cached).length, 1, 'one request led the fan-out')
    t.equal(bodies.filter(b => b.cached).length, 9, 'nine shared it')
    t.equal(new Set(bodies.map(b => b.id)).size, 10, 'each with its own id')
    t.equal(new Set(bodies.map(b => b.answer)).size, 1, 'and the same answer')
    const timings = responses.map(r => String(r.headers['server-timing']))
    t.equal(timings.filter(h => h.includes('desc="coalesced"')).length, 9)
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body
    t.match(metrics, /^iscoolgpt_cache_coalesced_total 9$/m)
  })

  t.test('a client that leaves does not cancel the answer others are waiting for', async t => {
    const stubs = await startStubs(t)
    answering(stubs, { headersDelayMs: 200 })
    const app = await build(t, { ...stubs.env, ...CACHE_ON })
    const leaving = new AbortController()
    const first = app.askService.ask('leaves', { question: QUESTION }, { signal: leaving.signal })
    await stubs.openai.waitForRequests(1)
    const staying = app.askService.ask('stays', { question: QUESTION }, { signal: new AbortController().signal })
    // The second ask joins once its cache look-up has missed.
    await new Promise(resolve => setTimeout(resolve, 20))
    leaving.abort(new DOMException('client closed the request', 'AbortError'))
    const answer = await staying
    t.equal(answer.id, 'stays')
    t.equal(answer.candidates.filter(c => c.status === 'ok').length, 3, 'the shared fan-out ran to the end')
    t.equal((await first).id, 'leaves')
    t.equal(calls(stubs), 3)
  })

  t.test('when every waiting client has left, the shared fan-out is cancelled', async t => {
    const flights = new SingleFlight<string>()
    const a = new AbortController()
    const b = new AbortController()
    let seen: AbortSignal | undefined
    const lead = flights.run('k', a.signal, async signal => {
      seen = signal
      await new Promise(resolve => { signal.addEventListener('abort', resolve, { once: true }) })
      return 'cancelled'
    })
    const follow = flights.run('k', b.signal, async () => 'never runs')
    t.equal(lead.leader, true)
    t.equal(follow.leader, false)
    t.equal(flights.size, 1)
    a.abort()
    t.equal(seen?.aborted, false, 'one caller still waits')
    b.abort()
    t.equal(seen?.aborted, true, 'the last one leaving cancels the work')
    t.equal(await follow.promise, 'cancelled')
    t.equal(flights.size, 0, 'the run is forgotten once over')
    const gone = new AbortController()
    gone.abort()
    const late = flights.run('k', gone.signal, async signal => signal.aborted ? 'aborted at once' : 'ran')
    t.equal(await late.promise, 'aborted at once', 'a caller already gone starts nothing it would wait for')
  })

  t.test('answers that lost a provider to a passing failure are not cached; request faults do not matter', async t => {
    const stubs = await startStubs(t)
    stubs.openai.setBehaviour({ text: ANSWER })
    stubs.gemini.setBehaviour({ text: ANSWER })
    stubs.hf.setBehaviour({ type: 'error', status: 503, body: { error: 'Service Unavailable' } })
    const app = await build(t, { ...stubs.env, ...CACHE_ON, RETRY_MAX_ATTEMPTS: '1' })
    await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
    const again = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
    t.equal(again.json().cached, false, 'a provider that was down may answer next time')
    t.equal(stubs.openai.requests.length, 2)

    const base = (await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION, providers: ['openai'] } })).json() as AskResponse
    const withError = (type: string): AskResponse => ({ ...base, candidates: [...base.candidates, { ...base.candidates[0]!, provider: 'x', status: 'error', error: { type, message: 'm' } }] })
    t.ok(isCacheable(base))
    t.ok(isCacheable(withError('auth')), 'a bad key will still be bad')
    t.ok(isCacheable(withError('content_filtered')))
    t.notOk(isCacheable(withError('timeout')))
    t.notOk(isCacheable(withError('circuit_open')))
    t.notOk(isCacheable({ ...base, warnings: ['synthesize fell back to consensus: no SYNTHESIZER is configured'] }), 'nor a strategy that fell back')
  })

  t.test('every provider failing is not cached: the next ask tries again', async t => {
    const stubs = await startStubs(t)
    for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.setBehaviour({ type: 'error', status: 400, body: { error: { message: 'bad', type: 'invalid_request_error' } } })
    const app = await build(t, { ...stubs.env, ...CACHE_ON })
    const responses = await Promise.all([0, 1].map(async () => await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })))
    t.same(responses.map(r => r.statusCode), [502, 502], 'both concurrent askers get the failure')
    t.equal(calls(stubs), 3, 'from one shared fan-out')
    const later = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
    t.equal(later.statusCode, 502)
    t.equal(calls(stubs), 6)
  })

  t.test('CACHE_TTL_S=0 turns the cache off; answers expire after CACHE_TTL_S', async t => {
    const stubs = await startStubs(t)
    answering(stubs)
    const off = await build(t, { ...stubs.env, CACHE_TTL_S: '0' })
    for (let i = 0; i < 2; i++) t.equal((await off.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })).json().cached, false)
    t.equal(calls(stubs), 6)
    const timing = (await off.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })).headers['server-timing']
    t.match(timing, /cache;desc="off"/)

    const short = await build(t, { ...stubs.env, CACHE_TTL_S: '2' })
    await short.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
    // The answer was stored before its response came back: from here on it is at most this old.
    const answered = performance.now()
    const again = (await short.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })).json().cached
    const gap = performance.now() - answered
    // A loaded machine can hold the test process past the TTL between two asks; within it, the answer must come from the cache.
    if (gap < 2000) t.equal(again, true, `asked again ${gap.toFixed(0)} ms later: from the cache`)
    else t.comment(`asked again ${gap.toFixed(0)} ms later, past the 2 s TTL: not a cache check`)
    await new Promise(resolve => setTimeout(resolve, Math.max(0, 2100 - (performance.now() - answered))))
    t.equal((await short.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })).json().cached, false, 'expired after its TTL')
  })

  t.test('CACHE_MAX_ENTRIES bounds the answers kept in memory', async t => {
    const stubs = await startStubs(t)
    answering(stubs)
    const app = await build(t, { ...stubs.env, ...CACHE_ON, CACHE_MAX_ENTRIES: '2' })
    for (const q of ['Pergunta um sobre Docker?', 'Pergunta dois sobre Docker?', 'Pergunta três sobre Docker?']) {
      await app.inject({ method: 'POST', url: '/api/ask', payload: { question: q, providers: ['openai'] } })
    }
    t.equal((await app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'Pergunta três sobre Docker?', providers: ['openai'] } })).json().cached, true)
    t.equal((await app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'Pergunta um sobre Docker?', providers: ['openai'] } })).json().cached, false, 'the least recently used answer went first')
  })

  t.test('a streaming request is answered from the cache as a complete event stream', async t => {
    const stubs = await startStubs(t)
    answering(stubs)
    const app = await build(t, { ...stubs.env, ...CACHE_ON })
    await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    const res = await fetch(`${address}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ question: QUESTION })
    })
    t.equal(res.status, 200)
    t.match(res.headers.get('server-timing'), /cache;desc="hit"/, 'the stream had not begun: the header made it')
    const events: Array<{ event: string | null, data: any }> = []
    for await (const frame of readSse(res.body)) if (frame.data !== null) events.push({ event: frame.event, data: JSON.parse(frame.data) })
    t.same(events.map(e => e.event), ['start', 'candidate', 'candidate', 'candidate', 'answer'])
    t.equal(events.at(-1)?.data.cached, true)
    t.equal(calls(stubs), 3, 'no provider call')
  })

  t.test('a cache that fails is logged and skipped: the question is still answered', async t => {
    const { lines, stream } = captureLogs()
    const log = (await buildWithLogs(t, {}, stream)).log as FastifyBaseLogger
    const errors: string[] = []
    const fake = (impl: Partial<Redis>): Redis => ({ status: 'ready', ...impl }) as unknown as Redis
    const answer = { answer: 'a', candidates: [], usage: { promptTokens: 0, completionTokens: 0, costUsd: 0 } } as unknown as AskResponse

    const failing = new AnswerCache({ ttlS: 60, maxEntries: 10, log, onError: op => errors.push(op), redis: () => fake({ get: async () => { throw new Error('READONLY') }, set: async () => { throw new Error('OOM command not allowed') } }) })
    t.equal(await failing.get('k'), undefined, 'a failed read is a miss')
    await failing.set('k', answer)
    t.same(errors, ['get', 'set'])
    t.same(await failing.get('k'), { response: answer, store: 'memory' }, 'the process\'s own copy still serves')

    const hanging = new AnswerCache({ ttlS: 60, maxEntries: 10, log, timeoutMs: 50, redis: () => fake({ get: async () => await new Promise<null>(() => {}), set: async () => await new Promise<'OK'>(() => {}) }) })
    const started = performance.now()
    t.equal(await hanging.get('k'), undefined)
    await hanging.set('k', answer)
    t.ok(performance.now() - started < 500, 'a Redis that does not answer costs at most its time-out')

    const garbage = new AnswerCache({ ttlS: 60, maxEntries: 10, log, redis: () => fake({ get: async () => '{"not":"an answer"}' }) })
    t.equal(await garbage.get('k'), undefined, 'a value that is not an answer is ignored')
    const stale = new AnswerCache({ ttlS: 60, maxEntries: 10, log, redis: () => fake({ get: async () => JSON.stringify({ storedAt: Date.now() - 61_000, response: answer }) }) })
    t.equal(await stale.get('k'), undefined, 'an entry past its time is not served')
    const notReady = new AnswerCache({ ttlS: 60, maxEntries: 10, log, redis: () => ({ status: 'reconnecting' }) as unknown as Redis })
    t.equal(await notReady.get('k'), undefined, 'a connection that is not ready is not even tried')

    t.ok(lines.some(l => /answer cache unavailable/.test(l) && /READONLY/.test(l)), 'the failure is logged')
    t.ok(lines.some(l => /did not answer within 50 ms/.test(l)))
  })
})

t.test('redis-cache', async t => {
  // The answer cache in Redis: replicas share answers, and a Redis that goes away never breaks asking.
  isolateData(t)
  const QUESTION = 'What does an Application Load Balancer do?'
  const ANSWER = 'An Application Load Balancer spreads HTTP requests across healthy targets and routes them by path or host.'

  // Where redis-server is not installed these tests are skipped, and say so.
  const withRedis = findRedisServer() === undefined ? { skip: NO_REDIS_NOTICE } : {}
  if (withRedis.skip !== undefined) process.stderr.write(`${NO_REDIS_NOTICE}\n`)

  const calls = (stubs: Stubs): number => stubs.openai.requests.length + stubs.gemini.requests.length + stubs.hf.requests.length

  function answering (stubs: Stubs): void {
    for (const s of [stubs.openai, stubs.gemini, stubs.hf]) s.setBehaviour({ text: ANSWER })
  }

  t.test('two app instances share cached answers through Redis', withRedis, async t => {
    const redis = await startRedis(t)
    if (redis === undefined) throw new Error('redis-server vanished')
    const stubs = await startStubs(t)
    answering(stubs)
    // A read that takes longer than CACHE_TIMEOUT_MS is a miss by design; on a loaded test machine the default 250 ms
    // can pass before the second replica's first read returns, and sharing, not speed, is what this test checks.
    const env = { ...stubs.env, REDIS_URL: redis.url, CACHE_TTL_S: '120', CACHE_TIMEOUT_MS: '5000' }
    const one = await build(t, env)
    const two = await build(t, env)
    await Promise.all([one.ready(), two.ready()])
    t.equal(one.redis?.status, 'ready')
    t.equal(two.redis?.status, 'ready')

    const first = await one.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
    t.equal(first.statusCode, 200)
    t.equal(first.json().cached, false)
    t.equal(calls(stubs), 3)

    const second = await two.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION.toUpperCase() } })
    t.equal(second.statusCode, 200)
    t.equal(second.json().cached, true, 'the other replica answers from the shared cache')
    t.equal(second.json().answer, first.json().answer)
    t.equal(calls(stubs), 3, 'without any provider call')
    t.match(second.headers['server-timing'], /cache;desc="hit"/)
    const metrics = (await two.inject({ method: 'GET', url: '/metrics' })).body
    t.match(metrics, /^iscoolgpt_cache_hits_total\{store="redis"\} 1$/m, 'found in Redis')

    const third = await two.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
    t.equal(third.json().cached, true)
    t.match((await two.inject({ method: 'GET', url: '/metrics' })).body, /^iscoolgpt_cache_hits_total\{store="memory"\} 1$/m, 'then kept in the replica\'s own memory')

    const probe = new Redis(redis.url)
    t.teardown(() => probe.disconnect())
    const keys = await probe.keys(`${REDIS_PREFIX}*`)
    t.equal(keys.length, 1, 'one entry')
    t.match(keys[0], /^iscoolgpt:answer:v1:[A-Za-z0-9_-]{43}$/, 'named by a hash, never by the question')
    const ttl = await probe.pttl(keys[0]!)
    t.ok(ttl > 100_000 && ttl <= 120_000, `expires with CACHE_TTL_S (${ttl} ms left)`)
    const stored = JSON.parse((await probe.get(keys[0]!)) ?? '{}')
    t.equal(stored.response.answer, first.json().answer)
  })

  t.test('a Redis that goes away mid-test does not break asking', withRedis, async t => {
    const redis = await startRedis(t)
    if (redis === undefined) throw new Error('redis-server vanished')
    const stubs = await startStubs(t)
    answering(stubs)
    const { lines, stream } = captureLogs()
    const env = { ...stubs.env, REDIS_URL: redis.url, CACHE_TTL_S: '120' }
    const app = await buildWithLogs(t, env, stream)
    const other = await build(t, env)
    await Promise.all([app.ready(), other.ready()])

    t.equal((await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })).statusCode, 200)
    t.equal(calls(stubs), 3)

    // Asks race the shutdown: some meet a connection that is still "ready" but closing.
    const stopping = redis.stop()
    const during = await Promise.all([0, 1, 2].map(async i => await app.inject({ method: 'POST', url: '/api/ask', payload: { question: `${QUESTION} (${i})` } })))
    await stopping
    t.same(during.map(r => r.statusCode), [200, 200, 200], 'asks while Redis stops are answered')
    for (let i = 0; i < 50 && (app.redis?.status === 'ready' || other.redis?.status === 'ready'); i++) await sleep(20)
    t.not(app.redis?.status, 'ready', 'the app noticed')

    const before = calls(stubs)
    const fresh = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'What is an Auto Scaling group?' } })
    t.equal(fresh.statusCode, 200, 'a new question is answered by the providers')
    t.equal(fresh.json().cached, false)
    t.equal(calls(stubs), before + 3)

    const again = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTION } })
    t.equal(again.statusCode, 200)
    t.equal(again.json().cached, true, 'answers this replica already had still come from its memory')

    const elsewhere = await other.inject({ method: 'POST', url: '/api/ask', payload: { question: 'What is an Auto Scaling group?' } })
    t.equal(elsewhere.statusCode, 200, 'the other replica asks its providers instead of failing')
    t.equal(elsewhere.json().cached, false)
    t.equal((await app.inject({ url: '/health' })).statusCode, 200)
    t.notOk(lines.some(l => /"level":50/.test(l)), 'no error-level log line')
  })
})
