// Rate limiting on /api and /v1: per client or per address, the 429 problem, and counters shared through Redis.
import t from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import { Redis } from 'ioredis'
import { build, buildWithLogs, captureLogs } from '../helper.js'
import { findRedisServer, NO_REDIS_NOTICE, startRedis } from './redis-server.js'

const ALICE = 'alice-key-0123456789'
const BOB = 'bob-key-0123456789'
const KEYS = `alice:${ALICE},bob:${BOB}`

// Where redis-server is not installed the shared-budget tests are skipped, and say so.
const withRedis = findRedisServer() === undefined ? { skip: NO_REDIS_NOTICE } : {}
if (withRedis.skip !== undefined) process.stderr.write(`${NO_REDIS_NOTICE}\n`)

t.test('the N+1th request in a window is a 429 problem with Retry-After', async t => {
  const app = await build(t, { KNOWLEDGE: 'on', RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' })
  for (let i = 1; i <= 3; i++) {
    const res = await app.inject({ url: '/api/providers' })
    t.equal(res.statusCode, 200, `request ${i} passes`)
    t.equal(res.headers['x-ratelimit-limit'], '3')
    t.equal(res.headers['x-ratelimit-remaining'], String(3 - i), 'the remaining budget counts down')
    t.ok(Number(res.headers['x-ratelimit-reset']) > 0 && Number(res.headers['x-ratelimit-reset']) <= 60, 'the reset is within the window')
  }
  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'What is S3?' } })
  t.equal(res.statusCode, 429)
  t.match(String(res.headers['content-type']), /^application\/problem\+json/)
  const body = res.json()
  t.equal(body.type, 'urn:iscoolgpt:problem:rate-limited')
  t.equal(body.title, 'Too many requests')
  t.match(body.detail, /3 requests per 60 s/)
  const retryAfter = Number(res.headers['retry-after'])
  t.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After is within the window (${retryAfter})`)
  t.equal(body.retryAfterS, retryAfter, 'the body says the same as the header')
  t.equal(res.headers['x-ratelimit-remaining'], '0')
  t.equal(res.headers['x-ratelimit-limit'], '3')
})

t.test('on /v1 the 429 has the OpenAI error shape and the same headers', async t => {
  const app = await build(t, { KNOWLEDGE: 'on', RATE_LIMIT_MAX: '1' })
  t.equal((await app.inject({ url: '/v1/models' })).statusCode, 200)
  const res = await app.inject({ url: '/v1/models' })
  t.equal(res.statusCode, 429)
  t.match(res.json(), { error: { type: 'rate_limit_error', code: 'rate_limited', message: /retry in \d+ s/ } })
  t.ok(Number(res.headers['retry-after']) >= 1)
})

t.test('each API client has its own budget; without a valid key the address is counted', async t => {
  const app = await build(t, { KNOWLEDGE: 'on', RATE_LIMIT_MAX: '2', API_KEYS: KEYS })
  const as = async (headers: Record<string, string>, remoteAddress = '198.51.100.1'): Promise<number> =>
    (await app.inject({ url: '/api/providers', headers, remoteAddress })).statusCode
  t.same([await as({ 'x-api-key': ALICE }), await as({ 'x-api-key': ALICE }), await as({ 'x-api-key': ALICE })], [200, 200, 429], 'alice spends her budget')
  t.same([await as({ authorization: `Bearer ${ALICE}` }, '198.51.100.99')], [429], 'from any address')
  t.same([await as({ 'x-api-key': BOB }), await as({ 'x-api-key': BOB })], [200, 200], 'bob still has his')
  // Guessing keys spends the guesser's address budget: a key cannot be brute-forced faster than the limit.
  t.same([await as({ 'x-api-key': 'guess-00000001' }, '203.0.113.5'), await as({ 'x-api-key': 'guess-00000002' }, '203.0.113.5'), await as({ 'x-api-key': 'guess-00000003' }, '203.0.113.5')], [403, 403, 429])
  t.same([await as({}, '203.0.113.6'), await as({}, '203.0.113.6'), await as({}, '203.0.113.6')], [401, 401, 429], 'so does asking without a key')
})

t.test('the client address is the one the load balancer saw, not what the client wrote in X-Forwarded-For', async t => {
  const app = await build(t, { KNOWLEDGE: 'on', RATE_LIMIT_MAX: '2', TRUST_PROXY: '10.0.0.0/16' })
  const via = async (forwarded: string): Promise<number> =>
    (await app.inject({ url: '/api/providers', remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': forwarded } })).statusCode
  const spoofed = [await via('1.1.1.1, 203.0.113.7'), await via('2.2.2.2, 203.0.113.7'), await via('3.3.3.3, 203.0.113.7')]
  t.same(spoofed, [200, 200, 429], 'a made-up first hop does not buy a fresh budget')
  t.equal(await via('203.0.113.8'), 200, 'another real client has its own')
  const direct = async (forwarded: string): Promise<number> =>
    (await app.inject({ url: '/api/providers', remoteAddress: '198.51.100.20', headers: { 'x-forwarded-for': forwarded } })).statusCode
  t.same([await direct('1.1.1.1'), await direct('2.2.2.2'), await direct('3.3.3.3')], [200, 200, 429], 'a client on a public address cannot pose as a proxy')
})

t.test('without TRUST_PROXY no address is a proxy: a local or private client cannot buy budgets with forged X-Forwarded-For', async t => {
  const app = await build(t, { KNOWLEDGE: 'on', RATE_LIMIT_MAX: '2' })
  for (const remoteAddress of ['127.0.0.1', '10.0.0.2', '192.168.1.20']) {
    const forged = [] as number[]
    for (let i = 1; i <= 3; i++) {
      forged.push((await app.inject({ url: '/api/providers', remoteAddress, headers: { 'x-forwarded-for': `198.51.100.${i}` } })).statusCode)
    }
    t.same(forged, [200, 200, 429], `${remoteAddress}: every forged value spends the same budget`)
  }
})

t.test('TRUST_PROXY names addresses and CIDR ranges; anything else stops the start', async t => {
  const app = await build(t, { KNOWLEDGE: 'on', RATE_LIMIT_MAX: '1', TRUST_PROXY: '127.0.0.1, 10.1.0.0/16' })
  const from = async (remoteAddress: string, forwarded: string): Promise<number> =>
    (await app.inject({ url: '/api/providers', remoteAddress, headers: { 'x-forwarded-for': forwarded } })).statusCode
  t.equal(await from('127.0.0.1', '203.0.113.1'), 200)
  t.equal(await from('10.1.4.5', '203.0.113.2'), 200, 'a proxy inside the range relays another client')
  t.equal(await from('10.1.4.5', '203.0.113.1'), 429, 'the relayed client keeps its own budget, whichever proxy relays it')
  t.equal(await from('10.2.0.1', '203.0.113.3'), 200)
  t.equal(await from('10.2.0.1', '203.0.113.4'), 429, 'outside the range the header is ignored: one budget for the sender')
  const { loadConfig, ConfigError } = await import('../../src/config.js')
  for (const bad of ['10.0.0.0/33', 'alb.internal', '10.0.0.1/8/1', '*']) {
    t.throws(() => loadConfig({ TRUST_PROXY: bad }), ConfigError, `${bad} is refused`)
  }
})

t.test('public routes are never limited, and the budget comes back after the window', async t => {
  const app = await build(t, { KNOWLEDGE: 'on', RATE_LIMIT_MAX: '1', RATE_LIMIT_WINDOW_MS: '1000' })
  t.equal((await app.inject({ url: '/api/providers' })).statusCode, 200)
  t.equal((await app.inject({ url: '/api/providers' })).statusCode, 429)
  for (const url of ['/health', '/ready', '/docs/json', '/', '/health', '/health']) {
    const res = await app.inject({ url })
    t.equal(res.statusCode, 200, `${url} answers`)
    t.equal(res.headers['x-ratelimit-limit'], undefined, `${url} is not counted`)
  }
  await sleep(1100)
  t.equal((await app.inject({ url: '/api/providers' })).statusCode, 200, 'a new window, a new budget')
})

t.test('RATE_LIMIT_MAX=0 turns the limit off', async t => {
  const { lines, stream } = captureLogs()
  const app = await buildWithLogs(t, { KNOWLEDGE: 'on', RATE_LIMIT_MAX: '0' }, stream)
  for (let i = 0; i < 30; i++) {
    const res = await app.inject({ url: '/api/providers' })
    if (res.statusCode !== 200 || res.headers['x-ratelimit-limit'] !== undefined) t.fail(`request ${i} was limited`)
  }
  t.ok(lines.some(l => l.includes('RATE_LIMIT_MAX is 0')), 'the log says the API is not limited')
})

t.test('with REDIS_URL, replicas share one budget', withRedis, async t => {
  const redis = await startRedis(t)
  if (redis === undefined) throw new Error('redis-server vanished')
  const env = { KNOWLEDGE: 'on', RATE_LIMIT_MAX: '4', RATE_LIMIT_WINDOW_MS: '60000', REDIS_URL: redis.url, API_KEYS: KEYS }
  const one = await build(t, env)
  const two = await build(t, env)
  await Promise.all([one.ready(), two.ready()])
  t.equal(one.redis?.status, 'ready', 'the first replica is connected')
  t.equal(two.redis?.status, 'ready', 'the second replica is connected')

  const alice = { 'x-api-key': ALICE }
  const statuses: number[] = []
  const remaining: string[] = []
  for (const app of [one, two, one, two, one, two]) {
    const res = await app.inject({ url: '/api/providers', headers: alice })
    statuses.push(res.statusCode)
    remaining.push(String(res.headers['x-ratelimit-remaining']))
  }
  t.same(statuses, [200, 200, 200, 200, 429, 429], 'four requests in all, whichever replica takes them')
  t.same(remaining, ['3', '2', '1', '0', '0', '0'], 'the remaining count is the shared one')
  t.equal((await two.inject({ url: '/api/providers', headers: { 'x-api-key': BOB } })).statusCode, 200, 'another client is unaffected')

  const probe = new Redis(redis.url)
  t.teardown(() => probe.disconnect())
  const keys = await probe.keys('iscoolgpt:rate-limit:*')
  t.same(keys.sort(), ['iscoolgpt:rate-limit:client:alice', 'iscoolgpt:rate-limit:client:bob'], 'counters are named by client, never by key')
  const ttl = await probe.pttl('iscoolgpt:rate-limit:client:alice')
  t.ok(ttl > 0 && ttl <= 60000, 'and expire with the window')
  t.equal(await probe.get('iscoolgpt:rate-limit:client:alice'), '6', 'every request was counted once')
})

t.test('when Redis goes away, each replica keeps limiting on its own', withRedis, async t => {
  const redis = await startRedis(t)
  if (redis === undefined) throw new Error('redis-server vanished')
  const { lines, stream } = captureLogs()
  const app = await buildWithLogs(t, { KNOWLEDGE: 'on', RATE_LIMIT_MAX: '2', REDIS_URL: redis.url }, stream)
  await app.ready()
  t.equal((await app.inject({ url: '/api/providers' })).statusCode, 200, 'counted in Redis')
  await redis.stop()
  for (let i = 0; i < 50 && app.redis?.status === 'ready'; i++) await sleep(20)
  t.not(app.redis?.status, 'ready', 'the app noticed')
  const statuses = []
  for (let i = 0; i < 4; i++) statuses.push((await app.inject({ url: '/api/providers' })).statusCode)
  t.same(statuses, [200, 200, 429, 429], 'a local window takes over: no 500, no open door')
  t.equal((await app.inject({ url: '/health' })).statusCode, 200)
  t.equal(lines.filter(l => l.includes('redis unavailable')).length, 1, 'the outage is logged once')
})

t.test('an unreachable Redis at start does not stop the service', async t => {
  const { lines, stream } = captureLogs()
  const started = Date.now()
  // Port 1 on loopback refuses at once.
  const app = await buildWithLogs(t, { KNOWLEDGE: 'on', RATE_LIMIT_MAX: '1', REDIS_URL: 'redis://:hunter2-redis-pass@127.0.0.1:1/0' }, stream)
  await app.ready()
  t.ok(Date.now() - started < 5000, 'start-up is not held up')
  t.equal((await app.inject({ url: '/api/providers' })).statusCode, 200)
  t.equal((await app.inject({ url: '/api/providers' })).statusCode, 429, 'limits still apply, counted locally')
  const warning = lines.find(l => l.includes('redis unavailable'))
  t.ok(warning, 'a warning names the problem')
  t.match(JSON.parse(warning ?? '{}'), { redis: 'redis://127.0.0.1:1/0' }, 'and the server without its password')
  t.notOk(lines.join('\n').includes('hunter2-redis-pass'), 'the password never reaches the log')
})
