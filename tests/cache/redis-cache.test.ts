// The answer cache in Redis: replicas share answers, and a Redis that goes away never breaks asking.
import t from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import { Redis } from 'ioredis'
import { REDIS_PREFIX } from '../../src/cache/answer-cache.js'
import { build, buildWithLogs, captureLogs } from '../helper.js'
import { findRedisServer, NO_REDIS_NOTICE, startRedis } from '../security/redis-server.js'
import { startStubs, type Stubs } from '../stub-env.js'

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
  const env = { ...stubs.env, REDIS_URL: redis.url, CACHE_TTL_S: '120' }
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
