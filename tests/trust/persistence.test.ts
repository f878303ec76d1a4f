// Where learned reliability lives: DATA_DIR/trust.json survives a restart (and a corrupt file never stops
// the service), and with REDIS_URL every replica learns into, rates through and reads one shared state.
import t, { type Test } from 'tap'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { Redis } from 'ioredis'
import type { FastifyInstance } from 'fastify'
import { build, buildWithLogs, captureLogs } from '../helper.js'
import { startStubs, type Stubs } from '../stub-env.js'
import { findRedisServer, NO_REDIS_NOTICE, startRedis } from '../security/redis-server.js'
import { TRUST_KEY } from '../../src/trust/trust-store.js'

const PARAPHRASES = [
  'Docker containers package an application with its dependencies, so it runs the same everywhere and starts in seconds.',
  'The main advantage of Docker containers is that an application ships with its dependencies, so it runs the same everywhere and starts in seconds.',
  'Using Docker containers, the application and its dependencies are packaged together: it runs the same way everywhere and containers start in seconds.'
]
const QUESTIONS = [
  'What is the advantage of using Docker containers?',
  'Why do teams use Docker containers?',
  'What do Docker containers give a deployment?'
]
const PROVIDERS = ['openai', 'gemini', 'huggingface']

// Where redis-server is not installed the shared-store tests are skipped, and say so.
const withRedis = findRedisServer() === undefined ? { skip: NO_REDIS_NOTICE } : {}
if (withRedis.skip !== undefined) process.stderr.write(`${NO_REDIS_NOTICE}\n`)

interface TrustView {
  reliability: { accuracy: number, quality: number, questions: number }
  feedback: { up: number, down: number }
}

// Every test gets a data directory of its own under one root, removed when the whole file is done: by then
// every app is closed, so no learning still being written races the removal.
const DATA_ROOT = await mkdtemp(join(tmpdir(), 'iscoolgpt-trust-'))
t.teardown(async () => await rm(DATA_ROOT, { recursive: true, force: true }))

async function dataDir (): Promise<string> {
  return await mkdtemp(join(DATA_ROOT, 'data-'))
}

function answering (stubs: Stubs): void {
  ;[stubs.openai, stubs.gemini, stubs.hf].forEach((stub, i) => stub.setBehaviour({ text: PARAPHRASES[i] }))
}

async function views (app: FastifyInstance): Promise<Record<string, TrustView>> {
  const res = await app.inject({ url: '/api/providers' })
  if (res.statusCode !== 200) throw new Error(`/api/providers answered ${res.statusCode}: ${res.body}`)
  return Object.fromEntries((res.json().providers as Array<TrustView & { id: string }>).map(p => [p.id, { reliability: p.reliability, feedback: p.feedback }]))
}

/** Polls /api/providers (learning runs after the answer is sent) until `done` holds, or 10 s pass. */
async function until (app: FastifyInstance, done: (view: Record<string, TrustView>) => boolean): Promise<Record<string, TrustView>> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const view = await views(app)
    if (done(view) || Date.now() > deadline) return view
    await sleep(25)
  }
}

const everyQuestion = (n: number) => (view: Record<string, TrustView>): boolean => PROVIDERS.every(id => (view[id]?.reliability.questions ?? 0) >= n)

async function ask (app: FastifyInstance, question: string, providers?: string[]): Promise<{ id: string, chosen: { provider: string } }> {
  const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { question, ...(providers !== undefined ? { providers } : {}) } })
  if (res.statusCode !== 200) throw new Error(`/api/ask answered ${res.statusCode}: ${res.body}`)
  return res.json()
}

async function rate (app: FastifyInstance, id: string, payload: Record<string, unknown>): Promise<{ statusCode: number, body: string, json: () => any }> {
  return await app.inject({ method: 'POST', url: `/api/answers/${id}/feedback`, payload })
}

const warnings = (lines: string[]): Array<{ msg: string }> => lines.map(l => JSON.parse(l)).filter(l => l.level === 40)

t.test('file mode: what was learned and rated is still there after a restart', async t => {
  const dir = await dataDir()
  const stubs = await startStubs(t)
  answering(stubs)
  const first = await build(t, { ...stubs.env, DATA_DIR: dir, RATE_LIMIT_MAX: '0' })
  for (const question of QUESTIONS) await ask(first, question)
  const rated = await ask(first, 'How do Docker containers help developers?')
  t.equal((await rate(first, rated.id, { rating: 'up', provider: 'gemini' })).statusCode, 200)
  t.equal((await rate(first, rated.id, { rating: 'down', provider: 'huggingface' })).statusCode, 200)
  const learned = await until(first, everyQuestion(QUESTIONS.length + 1))
  for (const id of PROVIDERS) t.equal(learned[id]?.reliability.questions, QUESTIONS.length + 1, `${id} learned from every question`)
  await first.close()

  const names = await readdir(dir)
  t.same(names, ['trust.json'], 'one file, no temporary file left behind')
  const stored = JSON.parse(await readFile(join(dir, 'trust.json'), 'utf8'))
  t.equal(stored.version, 1)
  t.same(Object.keys(stored.providers).sort(), [...PROVIDERS].sort())
  t.equal(stored.providers.gemini.up, 1)
  t.equal(stored.providers.huggingface.down, 1)
  t.notMatch(JSON.stringify(stored), /Docker|sk-test|gm-test|hf_test/, 'neither questions, answers nor keys are stored')

  const second = await build(t, { ...stubs.env, DATA_DIR: dir, RATE_LIMIT_MAX: '0' })
  const restored = await views(second)
  t.same(restored, learned, 'the new process starts with the same reliability and feedback')
  t.same(restored.gemini?.feedback, { up: 1, down: 0 })
  t.same(restored.huggingface?.feedback, { up: 0, down: 1 })
  t.match((await second.inject({ url: '/metrics' })).body, /^iscoolgpt_provider_learned_questions\{provider="gemini"\} 4$/m, '/metrics shows the restored state before any question')

  // It keeps learning from where it was.
  await ask(second, 'What problem do Docker containers solve?')
  const more = await until(second, everyQuestion(QUESTIONS.length + 2))
  for (const id of PROVIDERS) t.equal(more[id]?.reliability.questions, QUESTIONS.length + 2, `${id} goes on counting`)
  // Without Redis the answers that can be rated live in the process that gave them.
  t.equal((await rate(second, rated.id, { rating: 'up' })).statusCode, 404, 'an answer from before the restart cannot be rated')
})

t.test('file mode: a corrupt trust.json is set aside with one warning and the service starts from scratch', async t => {
  const stubs = await startStubs(t)
  answering(stubs)
  for (const [what, content] of [['not JSON', '{"version": 1, "providers": {"openai": {"questions": 3'], ['JSON of another shape', '{"version": 2, "providers": {}}'], ['an empty file', '']] as const) {
    await t.test(what, async t => {
      const dir = await dataDir()
      await writeFile(join(dir, 'trust.json'), content)
      const { lines, stream } = captureLogs()
      const app = await buildWithLogs(t, { ...stubs.env, DATA_DIR: dir, RATE_LIMIT_MAX: '0' }, stream)
      await app.ready()
      t.equal((await app.inject({ url: '/health' })).statusCode, 200, 'the service starts')

      const warned = warnings(lines).filter(l => /trust\.json/.test(l.msg))
      t.equal(warned.length, 1, `one warning line: ${JSON.stringify(warned)}`)
      t.match(warned[0]?.msg, /not a valid reliability file/)
      t.match(warned[0]?.msg, /set aside as .*trust\.json\.corrupt-\d+/)
      t.notOk(lines.some(l => JSON.parse(l).level >= 50), 'nothing at error level')

      const names = await readdir(dir)
      const aside = names.filter(n => /^trust\.json\.corrupt-\d+$/.test(n))
      t.equal(aside.length, 1, `set aside: ${names.join(', ')}`)
      t.equal(await readFile(join(dir, aside[0] ?? 'missing'), 'utf8'), content, 'with what it held, for whoever looks into it')
      t.ok(warned[0]?.msg.includes(aside[0] ?? 'missing'), 'the warning names the file it was set aside as')

      const view = await views(app)
      for (const id of PROVIDERS) t.same(view[id], { reliability: { accuracy: 0.6, quality: 0, questions: 0 }, feedback: { up: 0, down: 0 } }, `${id} starts from the prior`)
      await ask(app, QUESTIONS[0] as string)
      await until(app, everyQuestion(1))
      await app.close()
      const rewritten = JSON.parse(await readFile(join(dir, 'trust.json'), 'utf8'))
      t.equal(rewritten.version, 1, 'a valid file takes its place')
      t.equal(rewritten.providers.openai.questions, 1)
    })
  }
})

t.test('file mode: a DATA_DIR that cannot hold the file is warned about, and asking still works', async t => {
  const dir = await dataDir()
  const blocker = join(dir, 'not-a-directory')
  await writeFile(blocker, 'a file where the data directory should be')
  const stubs = await startStubs(t)
  answering(stubs)
  const { lines, stream } = captureLogs()
  const app = await buildWithLogs(t, { ...stubs.env, DATA_DIR: blocker, RATE_LIMIT_MAX: '0' }, stream)
  const answer = await ask(app, QUESTIONS[0] as string)
  const view = await until(app, everyQuestion(1))
  for (const id of PROVIDERS) t.equal(view[id]?.reliability.questions, 1, `${id} still learns, in memory`)
  t.equal((await rate(app, answer.id, { rating: 'up' })).statusCode, 200, 'ratings are still taken')
  t.ok(warnings(lines).some(l => /cannot (read|write) .*not-a-directory/.test(l.msg)), 'the problem is in the log')
  t.notOk(lines.some(l => JSON.parse(l).level >= 50), 'nothing at error level')
  t.equal(await readFile(blocker, 'utf8'), 'a file where the data directory should be', 'the file in the way is left alone')
})

/** Two replicas sharing one real redis-server (and each its own DATA_DIR, which Redis mode must leave empty), plus a client to read what they stored. */
async function twoReplicas (t: Test): Promise<{ one: FastifyInstance, two: FastifyInstance, probe: Redis, dir: string, env: Record<string, string> }> {
  const redis = await startRedis(t)
  if (redis === undefined) throw new Error('redis-server vanished')
  const stubs = await startStubs(t)
  answering(stubs)
  const dir = await dataDir()
  const env = { ...stubs.env, REDIS_URL: redis.url, DATA_DIR: dir, RATE_LIMIT_MAX: '0' }
  const one = await build(t, env)
  const two = await build(t, env)
  await Promise.all([one.ready(), two.ready()])
  const probe = new Redis(redis.url)
  t.teardown(() => probe.disconnect())
  return { one, two, probe, dir, env }
}

t.test('Redis mode: replicas share rateable answers and what is learned', withRedis, async t => {
  const { one, two, probe, dir, env } = await twoReplicas(t)

  // An answer given by one replica is rated through the other (a load balancer sends requests anywhere).
  const given = await ask(one, QUESTIONS[0] as string)
  await until(one, everyQuestion(1))
  const key = `iscoolgpt:rateable:${given.id}`
  const ttl = await probe.ttl(key)
  t.ok(ttl > 86_000 && ttl <= 86_400, `the rateable answer is kept for 24 h (${ttl} s left)`)
  t.notMatch(String(await probe.get(key)), /Docker/, 'the stored answer names providers, not the question or its text')
  const rated = await rate(two, given.id, { rating: 'up' })
  t.equal(rated.statusCode, 200, rated.body)
  t.equal(rated.json().provider, given.chosen.provider, 'the other replica knows which provider was chosen')
  const named = await rate(two, given.id, { rating: 'down', provider: PROVIDERS.find(id => id !== given.chosen.provider) as string })
  t.equal(named.statusCode, 200, named.body)
  const bad = await rate(two, given.id, { rating: 'up', provider: 'ollama' })
  t.equal(bad.statusCode, 400, 'and which providers answered')

  const shared = JSON.parse(String(await probe.get(TRUST_KEY)))
  t.equal(shared.providers[given.chosen.provider].up, 1, 'the rating is in the shared state at once')
  t.equal(shared.providers[given.chosen.provider].questions, 1, 'next to what one learned')
  t.same(await readdir(dir), [], 'nothing is written to DATA_DIR when Redis holds the state')

  // The first replica sees the rating given through the second as soon as it learns (each update reads the shared state).
  await ask(one, QUESTIONS[1] as string)
  const seen = await until(one, view => (view[given.chosen.provider]?.feedback.up ?? 0) >= 1 && everyQuestion(2)(view))
  t.same(seen[given.chosen.provider]?.feedback, { up: 1, down: 0 }, 'the rating given through the other replica is visible')
  for (const id of PROVIDERS) t.equal(seen[id]?.reliability.questions, 2, `${id}: both questions, learned through different replicas' state`)

  // A replica that only asks a single provider learns nothing itself; it still catches up with the others' learning at its refresh.
  const { lines, stream } = captureLogs()
  const three = await buildWithLogs(t, env, stream)
  const start = await views(three)
  t.equal(start.openai?.reliability.questions, 2, 'a new replica starts from the shared state')
  const downsBefore = start.openai?.feedback.down ?? 0
  t.equal((await rate(one, (await ask(one, QUESTIONS[2] as string)).id, { rating: 'down', provider: 'openai' })).statusCode, 200)
  await until(one, everyQuestion(3))
  t.equal((await views(three)).openai?.feedback.down, downsBefore, 'not yet: the replica has not refreshed')
  await sleep(5_500)
  await ask(three, 'What is a Docker image?', ['openai'])
  const refreshed = await until(three, view => (view.openai?.feedback.down ?? 0) > downsBefore)
  t.equal(refreshed.openai?.feedback.down, downsBefore + 1, `after its refresh the replica shows the other replicas' ratings (${JSON.stringify(refreshed.openai)}; shared: ${String(await probe.get(TRUST_KEY))})`)
  t.equal(refreshed.openai?.reliability.questions, 3)
  t.same(warnings(lines).filter(l => /reliab|trust|redis/i.test(l.msg)), [], 'no warning about the shared state')
})

/** Reads the shared state until `done` holds or 10 s pass (learning runs after each answer is sent). */
async function sharedState (probe: Redis, done: (state: StoredState) => boolean): Promise<StoredState> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const state = JSON.parse((await probe.get(TRUST_KEY)) ?? '{"providers":{}}') as StoredState
    if (done(state) || Date.now() > deadline) return state
    await sleep(50)
  }
}

interface StoredState { providers: Record<string, { questions: number, up: number, down: number }> }

t.test('Redis mode: two replicas rating at the same time lose neither\'s update', withRedis, async t => {
  const { one, two, probe } = await twoReplicas(t)

  const given = await ask(one, QUESTIONS[0] as string)
  await sharedState(probe, state => state.providers.openai?.questions === 1)
  // Each replica rates one after the other, both replicas at once: their WATCH/MULTI updates race each other.
  const ROUNDS = 8
  const statuses = await Promise.all([one, two].map(async app => {
    const out: number[] = []
    for (let i = 0; i < ROUNDS; i++) out.push((await rate(app, given.id, { rating: 'up', provider: 'openai' })).statusCode)
    return out
  }))
  t.same(statuses.flat(), Array.from({ length: 2 * ROUNDS }, () => 200), 'every rating is taken')
  const stored = await sharedState(probe, () => true)
  t.equal(stored.providers.openai?.up, 2 * ROUNDS, 'every rating counted once')
  t.equal(stored.providers.openai?.questions, 1, 'a rating is not a question')
})

t.test('Redis mode: concurrent requests to one replica lose no update', withRedis, async t => {
  const redis = await startRedis(t)
  if (redis === undefined) throw new Error('redis-server vanished')
  const stubs = await startStubs(t)
  answering(stubs)
  const env = { ...stubs.env, REDIS_URL: redis.url, DATA_DIR: await dataDir(), RATE_LIMIT_MAX: '0' }
  const app = await build(t, env)
  await app.ready()
  const probe = new Redis(redis.url)
  t.teardown(() => probe.disconnect())

  // Several students asking at once: each decided question is learned once.
  const ASKS = 6
  const answers = await Promise.all(Array.from({ length: ASKS }, async (_, i) => await ask(app, `${QUESTIONS[i % QUESTIONS.length] as string} (${i})`)))
  const learnedState = await sharedState(probe, state => PROVIDERS.every(id => (state.providers[id]?.questions ?? 0) >= ASKS))
  for (const id of PROVIDERS) t.equal(learnedState.providers[id]?.questions, ASKS, `${id}: every question counted once (${learnedState.providers[id]?.questions ?? 0} of ${ASKS})`)

  // Several readers rating at once: each rating counted once.
  const ratings = await Promise.all(answers.map(async a => await rate(app, a.id, { rating: 'down', provider: 'gemini' })))
  t.same(ratings.map(r => r.statusCode), answers.map(() => 200), 'every rating is taken')
  const rated = await sharedState(probe, () => true)
  t.equal(rated.providers.gemini?.down, ASKS, `every rating counted once (${rated.providers.gemini?.down ?? 0} of ${ASKS})`)
  t.equal((await views(app)).gemini?.feedback.down, ASKS, '/api/providers agrees')
})

t.test('Redis mode: a Redis that is down does not turn asking or rating into a server error', withRedis, async t => {
  const redis = await startRedis(t)
  if (redis === undefined) throw new Error('redis-server vanished')
  const stubs = await startStubs(t)
  answering(stubs)
  const { lines, stream } = captureLogs()
  const app = await buildWithLogs(t, { ...stubs.env, REDIS_URL: redis.url, DATA_DIR: await dataDir(), RATE_LIMIT_MAX: '0' }, stream)
  await app.ready()
  const given = await ask(app, QUESTIONS[0] as string)
  await until(app, everyQuestion(1))
  await redis.stop()
  for (let i = 0; i < 100 && app.redis?.status === 'ready'; i++) await sleep(20)

  const during = await app.inject({ method: 'POST', url: '/api/ask', payload: { question: QUESTIONS[1] } })
  t.equal(during.statusCode, 200, 'asking works without Redis')
  // Nothing can be recorded: the client is told so, and when to try again, rather than getting a 500.
  const rating = await app.inject({ method: 'POST', url: `/api/answers/${given.id}/feedback`, payload: { rating: 'up' } })
  t.equal(rating.statusCode, 503, `a rating that cannot be stored is a 503 (${rating.body})`)
  t.match(String(rating.headers['content-type']), /^application\/problem\+json/)
  t.ok(Number(rating.headers['retry-after']) >= 1, `with Retry-After (${String(rating.headers['retry-after'])})`)
  t.equal(rating.json().status, 503)
  t.match(rating.json().detail, /nothing was recorded/i)
  t.notMatch(rating.body, /enableOfflineQueue|Stream isn't writeable|at \w+ \(/, 'no internal error text')
  t.ok(warnings(lines).some(l => l.msg === 'rating not stored'), 'the lost rating is in the log')
  t.notOk(lines.some(l => JSON.parse(l).level >= 50), 'no error-level log line')
})
