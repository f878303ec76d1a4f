// Learned reliability tests (trust): one subtest per former file, in one process: tap starts each test file in a process of its own,
// and for a small file that start-up (TypeScript loader, process info, tap's plugins, the app's imports) cost more than its tests.
// One part alone: npx tap --disable-coverage --grep='^feedback$' tests/trust/trust.test.ts (the part's name is its former file's).
import t, { type Test } from 'tap'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyInstance } from 'fastify'
import { Redis } from 'ioredis'
import { aggregate } from '../../src/aggregator/index.js'
import type { CandidateInput, LearningSignal } from '../../src/aggregator/types.js'
import { countDecision, DECAY, emptyTrust, FEEDBACK_WEIGHT, learnFromDecision, learnFromFeedback, parseTrust, PRIOR_ACCURACY, reliabilities, reliabilityOf, type TrustState } from '../../src/trust/reliability.js'
import { decideAndLearn, type RecordedQuestion, type RecordedRating, replay } from '../../src/trust/replay.js'
import { FILE_WRITE_INTERVAL_MS, FileTrustStore, TRUST_KEY } from '../../src/trust/trust-store.js'
import { MATH_QUESTION, ok, solution } from '../aggregator/answers.js'
import { build, buildWithLogs, captureLogs, isolateData } from '../helper.js'
import { findRedisServer, NO_REDIS_NOTICE, startRedis } from '../security/redis-server.js'
import { startStubs, type Stubs } from '../stub-env.js'

t.test('feedback', async t => {
  // POST /api/answers/{id}/feedback through the running app: who a rating goes to, what /api/providers shows
  // afterwards, and the problems for unknown answers, bad bodies, missing keys and spent budgets.
  isolateData(t)
  const QUESTION = 'What is the advantage of using Docker containers?'
  /** Three models rarely word an answer the same way: an open question with three agreeing paraphrases. */
  const PARAPHRASES = [
    'Docker containers package an application with its dependencies, so it runs the same everywhere and starts in seconds.',
    'The main advantage of Docker containers is that an application ships with its dependencies, so it runs the same everywhere and starts in seconds.',
    'Using Docker containers, the application and its dependencies are packaged together: it runs the same way everywhere and containers start in seconds.'
  ]
  const PROVIDERS = ['openai', 'gemini', 'huggingface']

  type Injected = Awaited<ReturnType<FastifyInstance['inject']>>

  interface ProviderView {
    id: string
    reliability: { accuracy: number, quality: number, questions: number }
    feedback: { up: number, down: number }
  }

  /** A data directory of its own: learned reliability never leaks between tests or into ./data. */
  // Every test gets a data directory of its own under one root, removed when the whole file is done: by then
  // every app is closed, so no learning still being written races the removal.
  const DATA_ROOT = await mkdtemp(join(tmpdir(), 'iscoolgpt-feedback-'))
  t.teardown(async () => await rm(DATA_ROOT, { recursive: true, force: true }))

  async function dataDir (): Promise<string> {
    return await mkdtemp(join(DATA_ROOT, 'data-'))
  }

  function answering (stubs: Stubs, texts: readonly string[] = PARAPHRASES): void {
    ;[stubs.openai, stubs.gemini, stubs.hf].forEach((stub, i) => stub.setBehaviour({ text: texts[i] ?? texts[0] }))
  }

  async function providers (app: FastifyInstance, headers: Record<string, string> = {}): Promise<Record<string, ProviderView>> {
    const res = await app.inject({ url: '/api/providers', headers })
    if (res.statusCode !== 200) throw new Error(`/api/providers answered ${res.statusCode}: ${res.body}`)
    return Object.fromEntries((res.json().providers as ProviderView[]).map(p => [p.id, p]))
  }

  /** Learning runs after the answer is sent: waits (generously, the machine is shared) until it is visible. */
  async function learned (app: FastifyInstance, questions: number, headers: Record<string, string> = {}): Promise<Record<string, ProviderView>> {
    const deadline = Date.now() + 10_000
    for (;;) {
      const view = await providers(app, headers)
      if (PROVIDERS.every(id => (view[id]?.reliability.questions ?? 0) >= questions) || Date.now() > deadline) return view
      await sleep(25)
    }
  }

  async function ask (app: FastifyInstance, payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ id: string, chosen: { provider: string } | null, candidates: Array<{ provider: string, status: string }> }> {
    const res = await app.inject({ method: 'POST', url: '/api/ask', payload, headers })
    if (res.statusCode !== 200) throw new Error(`/api/ask answered ${res.statusCode}: ${res.body}`)
    return res.json()
  }

  async function rate (app: FastifyInstance, id: string, payload: unknown, headers: Record<string, string> = {}): Promise<Injected> {
    return await app.inject({ method: 'POST', url: `/api/answers/${encodeURIComponent(id)}/feedback`, payload: payload as Record<string, unknown>, headers })
  }

  function isProblem (t: Test, res: Injected, status: number, type: string): Record<string, any> {
    t.equal(res.statusCode, status, `status ${status}: ${res.body}`)
    t.match(String(res.headers['content-type']), /^application\/problem\+json/)
    const body = res.json()
    t.equal(body.status, status)
    t.equal(body.type, type)
    t.notMatch(res.body, /at \w+ \(|node_modules|\.ts:\d+/, 'no stack trace')
    return body
  }

  t.test('an "up" goes to the chosen provider, a "down" to the provider it names; /api/providers counts both', async t => {
    const stubs = await startStubs(t)
    answering(stubs)
    const app = await build(t, { ...stubs.env, DATA_DIR: await dataDir(), RATE_LIMIT_MAX: '0' })

    const before = await providers(app)
    for (const id of PROVIDERS) {
      t.same(before[id]?.feedback, { up: 0, down: 0 }, `${id}: no rating yet`)
      t.equal(before[id]?.reliability.questions, 0, `${id}: nothing learned yet`)
      t.equal(before[id]?.reliability.accuracy, 0.6, `${id}: the neutral prior`)
    }

    const first = await ask(app, { question: QUESTION })
    const chosen = first.chosen?.provider
    if (chosen === undefined) throw new Error('the answer has no chosen provider')
    const other = PROVIDERS.find(id => id !== chosen) as string
    const untouched = PROVIDERS.find(id => id !== chosen && id !== other) as string

    const up = await rate(app, first.id, { rating: 'up' })
    t.equal(up.statusCode, 200, up.body)
    t.match(String(up.headers['content-type']), /^application\/json/)
    const upBody = up.json()
    t.same(Object.keys(upBody).sort(), ['answerId', 'provider', 'rating', 'reliability'])
    t.equal(upBody.answerId, first.id)
    t.equal(upBody.provider, chosen, 'without a provider the rating is for the answer given')
    t.equal(upBody.rating, 'up')
    t.same(Object.keys(upBody.reliability).sort(), ['accuracy', 'quality', 'questions'])
    t.ok(upBody.reliability.accuracy >= 0 && upBody.reliability.accuracy <= 1, `accuracy in [0, 1] (${upBody.reliability.accuracy})`)

    const down = await rate(app, first.id, { rating: 'down', provider: other, comment: 'Misses that containers share the host kernel.' })
    t.equal(down.statusCode, 200, down.body)
    t.match(down.json(), { answerId: first.id, provider: other, rating: 'down' })

    const after = await learned(app, 1)
    t.same(after[chosen]?.feedback, { up: 1, down: 0 }, `${chosen} has the "up"`)
    t.same(after[other]?.feedback, { up: 0, down: 1 }, `${other} has the "down"`)
    t.same(after[untouched]?.feedback, { up: 0, down: 0 }, `${untouched} was not rated`)
    t.same(after[other]?.reliability, down.json().reliability, 'the rating\'s answer shows what /api/providers shows')

    // The same answer can be rated again (another reader); ratings accumulate.
    t.equal((await rate(app, first.id, { rating: 'up' })).statusCode, 200)
    t.same((await providers(app))[chosen]?.feedback, { up: 2, down: 0 })

    // Every decided question with more than one answer is learned from, for each provider that answered.
    for (const id of PROVIDERS) t.equal(after[id]?.reliability.questions, 1, `${id} learned from the first question`)
    await ask(app, { question: 'Why do teams use Docker containers?' })
    const twice = await learned(app, 2)
    for (const id of PROVIDERS) t.equal(twice[id]?.reliability.questions, 2, `${id} learned from the second question`)
    await ask(app, { question: 'What is the advantage of Docker containers for deployments?', providers: ['openai', 'gemini'] })
    const thrice = await learned(app, 2)
    const deadline = Date.now() + 10_000
    let view = thrice
    while ((view.openai?.reliability.questions ?? 0) < 3 && Date.now() < deadline) { await sleep(25); view = await providers(app) }
    t.equal(view.openai?.reliability.questions, 3, 'openai was asked a third time')
    t.equal(view.gemini?.reliability.questions, 3)
    t.equal(view.huggingface?.reliability.questions, 2, 'a provider that was not asked learns nothing')
  })

  t.test('on a short answer a rating moves accuracy: "up" raises it, "down" lowers it', async t => {
    const stubs = await startStubs(t)
    // Two providers agree on 18, one says 20: a maths question decided by vote.
    answering(stubs, [solution('18', 0), solution('18', 1), solution('20', 2)])
    const app = await build(t, { ...stubs.env, DATA_DIR: await dataDir(), RATE_LIMIT_MAX: '0' })
    const answer = await ask(app, { question: MATH_QUESTION })
    t.ok(answer.chosen?.provider === 'openai' || answer.chosen?.provider === 'gemini', 'the majority answer is given')
    const learnedView = await learned(app, 1)
    t.ok((learnedView.openai?.reliability.accuracy ?? 0) > (learnedView.huggingface?.reliability.accuracy ?? 1),
      `agreeing with the majority is worth more than disagreeing (${learnedView.openai?.reliability.accuracy} > ${learnedView.huggingface?.reliability.accuracy})`)

    const up = await rate(app, answer.id, { rating: 'up', provider: 'huggingface' })
    t.equal(up.statusCode, 200, up.body)
    t.ok(up.json().reliability.accuracy > (learnedView.huggingface?.reliability.accuracy ?? 1),
      `"up" raises huggingface's accuracy (${learnedView.huggingface?.reliability.accuracy} → ${up.json().reliability.accuracy})`)
    const down = await rate(app, answer.id, { rating: 'down', provider: 'openai' })
    t.equal(down.statusCode, 200, down.body)
    t.ok(down.json().reliability.accuracy < (learnedView.openai?.reliability.accuracy ?? 0),
      `"down" lowers openai's accuracy (${learnedView.openai?.reliability.accuracy} → ${down.json().reliability.accuracy})`)
    t.equal(down.json().reliability.questions, learnedView.openai?.reliability.questions, 'a rating is not a question')
  })

  t.test('an answer from the OpenAI-compatible facade is rated with its iscoolgpt.answerId', async t => {
    const stubs = await startStubs(t)
    answering(stubs)
    const app = await build(t, { ...stubs.env, DATA_DIR: await dataDir(), RATE_LIMIT_MAX: '0' })
    const res = await app.inject({ method: 'POST', url: '/v1/chat/completions', payload: { model: 'iscoolgpt', messages: [{ role: 'user', content: QUESTION }] } })
    t.equal(res.statusCode, 200, res.body)
    const completion = res.json()
    const answerId = completion.iscoolgpt?.answerId
    t.type(answerId, 'string')
    t.equal(completion.id, `chatcmpl-${String(answerId)}`, 'the completion id carries the same answer id')
    const rated = await rate(app, answerId, { rating: 'up' })
    t.equal(rated.statusCode, 200, rated.body)
    t.equal(rated.json().provider, completion.iscoolgpt.chosen.provider, 'the rating goes to the provider the facade answered with')
    t.equal((await rate(app, completion.id, { rating: 'up' })).statusCode, 404, 'the chatcmpl- id is not the answer id')
  })

  t.test('an id that was never issued is a 404 problem', async t => {
    const stubs = await startStubs(t)
    answering(stubs)
    const app = await build(t, { ...stubs.env, DATA_DIR: await dataDir(), RATE_LIMIT_MAX: '0' })
    const issued = await ask(app, { question: QUESTION })

    for (const id of ['no-such-answer', '00000000-0000-4000-8000-000000000000', `${issued.id}x`, issued.id.toUpperCase() === issued.id ? `${issued.id}0` : issued.id.toUpperCase()]) {
      const body = isProblem(t, await rate(app, id, { rating: 'up' }), 404, 'urn:iscoolgpt:problem:unknown-answer')
      t.equal(body.title, 'Unknown answer')
      t.ok(String(body.detail).includes(id), `the detail names ${id}`)
    }
    // An id the path cannot carry is a bad request, not an unknown answer.
    const bad = isProblem(t, await rate(app, 'not an id!', { rating: 'up' }), 400, 'urn:iscoolgpt:problem:validation')
    t.ok(bad.errors.some((e: { field: string }) => e.field === 'params/id'), JSON.stringify(bad.errors))

    const view = await providers(app)
    for (const id of PROVIDERS) t.same(view[id]?.feedback, { up: 0, down: 0 }, `${id}: rejected ratings count for nothing`)
  })

  t.test('bad ratings are 400 problems naming the field, and count for nothing', async t => {
    const stubs = await startStubs(t)
    answering(stubs)
    stubs.gemini.setBehaviour({ type: 'error', status: 400, body: { error: { code: 400, message: 'Request contains an invalid argument.', status: 'INVALID_ARGUMENT' } } })
    const app = await build(t, { ...stubs.env, DATA_DIR: await dataDir(), RATE_LIMIT_MAX: '0' })
    const answer = await ask(app, { question: QUESTION, providers: ['openai', 'gemini'] })
    t.same(answer.candidates.map(c => [c.provider, c.status]), [['openai', 'ok'], ['gemini', 'error']])

    const fieldsOf = (body: Record<string, any>): string[] => (body.errors as Array<{ field: string }>).map(e => e.field)
    const cases: Array<[string, unknown, string, RegExp]> = [
      ['a rating that is not up or down', { rating: 'meh' }, 'body/rating', /./],
      ['a missing rating', { provider: 'openai' }, 'body/rating', /required/],
      ['a numeric rating', { rating: 1 }, 'body/rating', /./],
      ['an unknown field', { rating: 'up', stars: 5 }, 'body/stars', /not an accepted field/],
      ['a comment over 2000 characters', { rating: 'down', comment: 'x'.repeat(2001) }, 'body/comment', /2000/],
      ['an empty provider', { rating: 'up', provider: '' }, 'body/provider', /./],
      ['a configured provider that failed on this question', { rating: 'up', provider: 'gemini' }, 'body/provider', /openai/],
      ['a configured provider that was not asked', { rating: 'down', provider: 'huggingface' }, 'body/provider', /openai/],
      ['a provider that does not exist', { rating: 'down', provider: 'claude' }, 'body/provider', /openai/]
    ]
    for (const [what, payload, field, message] of cases) {
      const body = isProblem(t, await rate(app, answer.id, payload), 400, 'urn:iscoolgpt:problem:validation')
      t.ok(fieldsOf(body).includes(field), `${what}: names ${field} (${JSON.stringify(body.errors)})`)
      const error = (body.errors as Array<{ field: string, message: string }>).find(e => e.field === field)
      t.match(error?.message, message, `${what}: says what is wrong`)
    }
    const notAnswered = (await rate(app, answer.id, { rating: 'up', provider: 'gemini' })).json()
    t.match(notAnswered.detail, /"gemini" gave no answer to this question/)

    const notJson = await app.inject({ method: 'POST', url: `/api/answers/${answer.id}/feedback`, headers: { 'content-type': 'text/plain' }, payload: 'up' })
    t.ok(notJson.statusCode === 415 || notJson.statusCode === 400, `a body that is not JSON is refused (${notJson.statusCode})`)
    t.match(String(notJson.headers['content-type']), /^application\/problem\+json/)
    const broken = await app.inject({ method: 'POST', url: `/api/answers/${answer.id}/feedback`, headers: { 'content-type': 'application/json' }, payload: '{"rating": "up"' })
    t.equal(broken.statusCode, 400, 'broken JSON is a 400')
    t.match(String(broken.headers['content-type']), /^application\/problem\+json/)

    const view = await providers(app)
    for (const id of PROVIDERS) t.same(view[id]?.feedback, { up: 0, down: 0 }, `${id}: no rejected rating was counted`)
    t.equal((await rate(app, answer.id, { rating: 'up', comment: 'x'.repeat(2000) })).statusCode, 200, 'a 2000-character comment is accepted')
    t.same((await providers(app)).openai?.feedback, { up: 1, down: 0 }, 'the only provider that answered gets it')
  })

  t.test('with API_KEYS the feedback route wants a key like the rest of /api', async t => {
    const KEY = 'alice-key-0123456789'
    const stubs = await startStubs(t)
    answering(stubs)
    const app = await build(t, { ...stubs.env, DATA_DIR: await dataDir(), API_KEYS: `alice:${KEY}`, RATE_LIMIT_MAX: '0' })
    const answer = await ask(app, { question: QUESTION }, { authorization: `Bearer ${KEY}` })

    const anonymous = await rate(app, answer.id, { rating: 'up' })
    isProblem(t, anonymous, 401, 'urn:iscoolgpt:problem:unauthorized')
    t.equal(anonymous.headers['www-authenticate'], 'Bearer realm="iscoolgpt"')
    // The answer's existence is not revealed to a caller without a key: an unknown id is a 401 too.
    isProblem(t, await rate(app, 'no-such-answer', { rating: 'up' }), 401, 'urn:iscoolgpt:problem:unauthorized')
    isProblem(t, await rate(app, answer.id, { rating: 'up' }, { 'x-api-key': 'nope-nope-nope' }), 403, 'urn:iscoolgpt:problem:forbidden')

    t.same((await providers(app, { 'x-api-key': KEY }))[answer.chosen?.provider ?? 'openai']?.feedback, { up: 0, down: 0 }, 'refused ratings count for nothing')
    const accepted = await rate(app, answer.id, { rating: 'up' }, { 'x-api-key': KEY })
    t.equal(accepted.statusCode, 200, accepted.body)
    t.same((await providers(app, { 'x-api-key': KEY }))[answer.chosen?.provider ?? 'openai']?.feedback, { up: 1, down: 0 })
  })

  t.test('ratings are rate-limited: the N+1th request is a 429 with Retry-After and is not counted', async t => {
    const stubs = await startStubs(t)
    answering(stubs)
    const app = await build(t, { ...stubs.env, DATA_DIR: await dataDir(), RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' })
    const answer = await ask(app, { question: QUESTION })
    const chosen = answer.chosen?.provider ?? 'openai'
    const first = await rate(app, answer.id, { rating: 'up' })
    t.equal(first.statusCode, 200)
    t.equal(first.headers['x-ratelimit-remaining'], '1', 'the ask and the rating share one budget')
    t.equal((await rate(app, answer.id, { rating: 'up' })).statusCode, 200)

    const limited = await rate(app, answer.id, { rating: 'up' })
    const body = isProblem(t, limited, 429, 'urn:iscoolgpt:problem:rate-limited')
    const retryAfter = Number(limited.headers['retry-after'])
    t.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After within the window (${limited.headers['retry-after']})`)
    t.equal(body.retryAfterS, retryAfter)
    t.same(app.trust.view(chosen).feedback, { up: 2, down: 0 }, 'the refused rating was not counted')
  })
})

t.test('file-store', async t => {
  // The reliability file is written behind the state in memory: at once after a quiet spell, then at most
  // once per interval, and everything held back is written by close().
  async function dataDir (t: Test): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'iscoolgpt-trust-file-'))
    t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
    return dir
  }

  async function stored (dir: string): Promise<number | undefined> {
    try {
      return (JSON.parse(await readFile(join(dir, 'trust.json'), 'utf8')) as { decided?: number }).decided
    } catch {
      return undefined
    }
  }

  async function settle (dir: string, expected: number, limitMs: number): Promise<number | undefined> {
    const until = Date.now() + limitMs
    while (Date.now() < until && await stored(dir) !== expected) await sleep(10)
    return await stored(dir)
  }

  t.test('a burst of changes: the first is written at once, the rest together, the latest by close()', async t => {
    const dir = await dataDir(t)
    const problems: string[] = []
    const store = FileTrustStore.inDir(dir, message => { problems.push(message) })
    await store.update(countDecision)
    t.equal(await settle(dir, 1, 5_000), 1, 'the first change after a quiet spell is written without waiting for the interval')
    for (let i = 0; i < 20; i++) t.equal((await store.update(countDecision)).decided, i + 2, 'each change is applied in memory at once')
    t.equal((await store.load()).decided, 21, 'and read back from memory')
    t.equal(await stored(dir), 1, 'the changes within the interval are held back')
    await store.close()
    t.equal(await stored(dir), 21, 'close() writes the latest state')
    t.same(await readdir(dir), ['trust.json'], 'no temporary file left behind')
    t.same(problems, [])
  })

  t.test('held-back changes are written when the interval ends, as the latest state', async t => {
    const dir = await dataDir(t)
    const store = FileTrustStore.inDir(dir, () => undefined)
    await store.update(countDecision)
    await settle(dir, 1, 5_000)
    await store.update(countDecision)
    await store.update(countDecision)
    t.equal(await settle(dir, 3, FILE_WRITE_INTERVAL_MS * 10), 3, 'written without close(), one interval later')
    const reopened = FileTrustStore.inDir(dir, () => undefined)
    t.equal((await reopened.load()).decided, 3, 'a new process reads what was written')
    await store.close()
  })

  t.test('changes after close() are written at once', async t => {
    const dir = await dataDir(t)
    const store = FileTrustStore.inDir(dir, () => undefined)
    await store.close()
    await store.update(countDecision)
    await store.update(countDecision)
    t.equal(await settle(dir, 2, 5_000), 2)
    await store.close()
    t.equal(await stored(dir), 2)
  })

  t.test('a file that cannot be written is reported and the state is kept in memory', async t => {
    const dir = await dataDir(t)
    const problems: string[] = []
    // A path below a file: every write fails.
    const store = new FileTrustStore(join(dir, 'trust.json', 'below-a-file.json'), message => { problems.push(message) })
    await writeFile(join(dir, 'trust.json'), 'not a directory')
    await store.update(countDecision)
    await store.update(countDecision)
    await store.close()
    t.equal((await store.load()).decided, 2, 'the state in memory is kept')
    const writes = problems.filter(p => p.startsWith('cannot write'))
    t.ok(writes.length >= 1 && writes.every(p => p.includes('below-a-file.json') && p.endsWith('learned reliability is kept in memory')), 'a failed write is reported')
  })
})

t.test('persistence', async t => {
  // Where learned reliability lives: DATA_DIR/trust.json survives a restart (and a corrupt file never stops
  // the service), and with REDIS_URL every replica learns into, rates through and reads one shared state.
  isolateData(t)
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
})

t.test('reliability', async t => {
  // Learning which provider to trust: label-free agreement, decay, people's ratings, the stored state,
  // and the online replay that decides each question knowing only the ones before it.
  /** One maths question answered by each provider with the given final answer (wording varies per provider). */
  function question (id: string, answers: Record<string, string>): RecordedQuestion {
    const candidates: CandidateInput[] = Object.entries(answers).map(([provider, answer], i) => ok(provider, solution(answer, i)))
    return { id, question: MATH_QUESTION, candidates }
  }

  const accuracy = (state: TrustState, provider: string): number => reliabilityOf(state.providers[provider]).accuracy
  const quality = (state: TrustState, provider: string): number => reliabilityOf(state.providers[provider]).quality

  function learnAll (state: TrustState, records: readonly RecordedQuestion[]): TrustState {
    for (const record of records) state = learnFromDecision(state, aggregate(record.question, record.candidates, { strategy: 'auto', reliability: reliabilities(state) }).learning)
    return state
  }

  const signal = (kind: LearningSignal['kind'], values: Record<string, number>): LearningSignal =>
    ({ kind, signals: Object.entries(values).map(([provider, value]) => ({ provider, value })) })

  t.test('a provider nothing is known about gets the neutral prior', async t => {
    t.equal(reliabilityOf(undefined).accuracy, PRIOR_ACCURACY)
    t.equal(reliabilityOf(undefined).quality, 0)
    t.same(reliabilities(emptyTrust()), {})
    const state = emptyTrust()
    const unchanged = learnFromDecision(state, null)
    t.same(unchanged.providers, state.providers, 'nothing to learn: no provider changes')
    t.equal(unchanged.decided, 1, 'the question still counts as decided')
    t.same(learnFromDecision(state, { kind: 'short', signals: [] }).providers, state.providers)
    t.equal(state.decided ?? 0, 0, 'the state passed in is not changed')
  })

  t.test('agreeing with the majority raises a provider\'s accuracy, disagreeing lowers it', async t => {
    const records = Array.from({ length: 20 }, (_, i) => question(`q${i}`, { a: '18', b: '18', c: String(20 + i) }))
    const state = learnAll(emptyTrust(), records)
    t.ok(accuracy(state, 'a') > 0.8, `a ${accuracy(state, 'a')}`)
    t.equal(accuracy(state, 'a'), accuracy(state, 'b'), 'a and b said the same every time')
    t.ok(accuracy(state, 'c') < 0.3, `c ${accuracy(state, 'c')}`)
    t.equal(state.providers.a.questions, 20)

    // Each single question moves it in the right direction, from the prior on.
    const first = learnAll(emptyTrust(), records.slice(0, 1))
    t.ok(accuracy(first, 'a') > PRIOR_ACCURACY && accuracy(first, 'c') < PRIOR_ACCURACY)
    // Shrinkage: one question moves it less than twenty.
    t.ok(accuracy(first, 'a') < accuracy(state, 'a') && accuracy(first, 'c') > accuracy(state, 'c'))

    // The state it learned from is not changed: learning returns a new state.
    const before = emptyTrust()
    const after = learnAll(before, records.slice(0, 3))
    t.same(before, emptyTrust())
    t.not(after, before)
  })

  t.test('open answers: standing moves quality up or down', async t => {
    let state = emptyTrust()
    for (let i = 0; i < 10; i++) state = learnFromDecision(state, signal('open', { writer: 1.2, terse: -1.2 }))
    t.ok(quality(state, 'writer') > 0.5, `writer ${quality(state, 'writer')}`)
    t.ok(quality(state, 'terse') < -0.5, `terse ${quality(state, 'terse')}`)
    t.equal(accuracy(state, 'writer'), PRIOR_ACCURACY, 'open answers say nothing about short-answer accuracy')
  })

  t.test('decay: a provider that changes is re-learned from its recent questions', async t => {
    const good = Array.from({ length: 200 }, () => signal('short', { p: 0.9 }))
    const bad = Array.from({ length: 100 }, () => signal('short', { p: 0.05 }))
    let state = emptyTrust()
    for (const s of good) state = learnFromDecision(state, s)
    t.ok(accuracy(state, 'p') > 0.85, `good for 200 questions: ${accuracy(state, 'p')}`)
    for (const s of bad) state = learnFromDecision(state, s)
    const allTime = (200 * 0.9 + 100 * 0.05) / 300
    t.ok(allTime > 0.6, `its all-time mean still looks good: ${allTime}`)
    t.ok(accuracy(state, 'p') < 0.4, `after 100 bad questions the estimate follows the change: ${accuracy(state, 'p')}`)

    // And back: a provider that improves is trusted again.
    for (let i = 0; i < 100; i++) state = learnFromDecision(state, signal('short', { p: 0.9 }))
    t.ok(accuracy(state, 'p') > PRIOR_ACCURACY + 0.05, `recovered: ${accuracy(state, 'p')}`)

    // Decay is per question a provider answers: a provider that was not asked keeps its evidence.
    let idle = learnFromDecision(emptyTrust(), signal('short', { p: 0.9, q: 0.9 }))
    const seen = idle.providers.q.shortSeen
    for (let i = 0; i < 10; i++) idle = learnFromDecision(idle, signal('short', { p: 0.9 }))
    t.equal(idle.providers.q.shortSeen, seen)
    t.ok(idle.providers.p.shortSeen < 11, 'the busy one\'s older evidence decayed')
    t.ok(Math.abs(idle.providers.p.shortSeen - (1 - DECAY ** 11) / (1 - DECAY)) < 1e-9)
  })

  t.test('feedback outweighs label-free evidence', async t => {
    // One rating counts as FEEDBACK_WEIGHT questions.
    const decided = learnFromDecision(emptyTrust(), signal('short', { p: 0.9 }))
    const rated = learnFromFeedback(emptyTrust(), 'p', 'up', 'short')
    t.ok(accuracy(rated, 'p') - PRIOR_ACCURACY > accuracy(decided, 'p') - PRIOR_ACCURACY, 'an up moves it further than one agreeing question')

    // The ensemble thought p was right three times; people said it was wrong twice. The people win.
    let state = emptyTrust()
    for (let i = 0; i < 3; i++) state = learnFromDecision(state, signal('short', { p: 0.9 }))
    t.ok(accuracy(state, 'p') > PRIOR_ACCURACY)
    state = learnFromFeedback(state, 'p', 'down', 'short')
    state = learnFromFeedback(state, 'p', 'down', 'short')
    t.ok(accuracy(state, 'p') < PRIOR_ACCURACY, `after two downs: ${accuracy(state, 'p')}`)
    t.same([state.providers.p.up, state.providers.p.down], [0, 2])
    // Three decayed questions (1 + DECAY + DECAY²) plus two ratings of FEEDBACK_WEIGHT questions each.
    t.ok(Math.abs(state.providers.p.shortSeen - (1 + DECAY + DECAY ** 2 + 2 * FEEDBACK_WEIGHT)) < 1e-9, `${state.providers.p.shortSeen}`)

    // Open answers: an up outweighs a question where it stood one standard deviation low. Two answers
    // of the same form stand level; the earlier one is kept unless what was learned says otherwise.
    const question = 'What is the difference between a security group and a network ACL?'
    const level = [
      ok('y', 'A security group is stateful and applies to an instance, so responses are allowed automatically and it only supports allow rules. A network ACL is stateless and applies to a subnet, with ordered allow and deny rules, so return traffic needs a rule.'),
      ok('x', 'Security groups are stateful and attach to network interfaces, so replies pass automatically and only allow rules exist. Network ACLs are stateless and attach to subnets, with numbered allow and deny rules, so replies need a separate rule of their own, too, always.')
    ]
    const low = learnFromDecision(emptyTrust(), signal('open', { x: -1 }))
    t.equal(aggregate(question, level, { strategy: 'auto', reliability: reliabilities(low) }).chosen?.provider, 'y', 'x stood low once: not preferred')
    const upRated = learnFromFeedback(low, 'x', 'up', 'open')
    t.equal(aggregate(question, level, { strategy: 'auto', reliability: reliabilities(upRated) }).chosen?.provider, 'x', 'a person preferred x: that outweighs it')
    t.equal(accuracy(upRated, 'x'), PRIOR_ACCURACY, 'an open-answer rating says nothing about short-answer accuracy')
    // How many ratings the record rests on is handed to the aggregator too (decayed like the rest): ratings
    // take the place of the label-free record in the choice as they come in.
    t.equal(reliabilityOf(upRated.providers.x).ratings, 1)
    const decayed = learnFromDecision(learnFromFeedback(upRated, 'x', 'down', 'open'), signal('open', { x: 0 }))
    t.ok(Math.abs((reliabilityOf(decayed.providers.x).ratings ?? 0) - 2 * DECAY) < 1e-9, 'two ratings, one question later')
    t.equal(reliabilityOf(undefined).ratings ?? 0, 0)

    // A rating for a provider never seen creates its entry; learning did not count it as a question.
    const fresh = learnFromFeedback(emptyTrust(), 'new', 'down', 'open', 1234)
    t.same([fresh.providers.new.questions, fresh.providers.new.updatedAt, fresh.providers.new.recentDown], [0, 1234, 1])
  })

  t.test('parseTrust rejects what is not a state and keeps the well-formed entries', async t => {
    for (const garbage of [null, undefined, 42, 'state', [], {}, { version: 2, providers: {} }, { version: '1', providers: {} }, { version: 1 }, { version: 1, providers: null }, { version: 1, providers: 'x' }]) {
      t.throws(() => parseTrust(garbage), Error, JSON.stringify(garbage) ?? "undefined")
    }

    let state = emptyTrust()
    state = learnFromDecision(state, signal('short', { a: 0.9, b: 0.1 }), 10)
    state = learnFromDecision(state, signal('open', { a: 1, b: -1 }), 20)
    state = learnFromFeedback(state, 'b', 'up', 'short', 30)
    t.same(parseTrust(JSON.parse(JSON.stringify(state))), state, 'a stored state reads back unchanged (negative standing included)')

    const parsed = parseTrust({
      version: 1,
      providers: {
        good: { ...state.providers.a },
        notAnObject: 5,
        nullEntry: null,
        mixed: { shortRight: 3, shortSeen: 4, openStanding: -2, openSeen: 'lots', up: -1, down: Number.NaN, recentUp: Number.POSITIVE_INFINITY, questions: 7, extra: 'ignored' }
      }
    })
    t.same(Object.keys(parsed.providers).sort(), ['good', 'mixed'], 'entries that are not objects are dropped')
    t.same(parsed.providers.good, state.providers.a)
    const mixed = parsed.providers.mixed
    t.same([mixed.shortRight, mixed.shortSeen, mixed.openStanding, mixed.questions], [3, 4, -2, 7], 'valid fields kept')
    t.same([mixed.openSeen, mixed.up, mixed.down, mixed.recentUp], [0, 0, 0, 0], 'strings, negative counts, NaN and infinities reset to 0')
    t.notOk('extra' in mixed, 'unknown fields are not carried over')
    t.ok(Number.isFinite(reliabilityOf(mixed).accuracy), 'what it keeps is usable')
  })

  /**
   * Twenty questions where `sharp`, `h1` and `h2` agree and `w1`, `w2` each say something else, then
   * one question where the two weak providers agree against `sharp`. Knowing nothing, two agreeing
   * voices beat one; having learned, `sharp` outweighs them.
   */
  const TRAINING = Array.from({ length: 20 }, (_, i) => question(`train-${i}`, { sharp: '18', h1: '18', h2: '18', w1: String(30 + i), w2: String(60 + i) }))
  const CONTESTED = question('contested', { w1: '20', sharp: '18', w2: '20' })

  t.test('replay decides question k knowing only questions 1..k−1', async t => {
    const last = [...replay([...TRAINING, CONTESTED], { strategy: 'auto' })]
    t.equal(last.length, 21)
    const contestedLast = last[20]
    t.equal(contestedLast.decision.normalized, '18', 'learned: the reliable provider wins')
    t.ok(accuracy(contestedLast.before, 'sharp') > 0.8 && accuracy(contestedLast.before, 'w1') < 0.35,
      `state used: sharp ${accuracy(contestedLast.before, 'sharp')}, w1 ${accuracy(contestedLast.before, 'w1')}`)

    const first = [...replay([CONTESTED, ...TRAINING], { strategy: 'auto' })]
    t.equal(first[0].decision.normalized, '20', 'first: nothing learned yet, the two agreeing voices win')
    t.same(first[0].before, emptyTrust())
    t.same(first[0].decision, aggregate(CONTESTED.question, CONTESTED.candidates, { strategy: 'auto' }), 'exactly the decision without reliabilities')

    // Step k's state holds questions 1..k−1 and nothing of k or later.
    for (const [k, step] of last.entries()) {
      t.equal(step.before.providers.sharp?.questions ?? 0, k, `step ${k}`)
      if (k > 0) t.same(step.before, learnFromDecision(last[k - 1].before, last[k - 1].decision.learning), `step ${k} = step ${k - 1} + its lesson`)
    }
    // A prefix is decided the same whatever follows it.
    const prefix = [...replay(TRAINING.slice(0, 5), { strategy: 'auto' })]
    t.same(prefix.map(s => s.decision), last.slice(0, 5).map(s => s.decision))
  })

  t.test('replay: ratings on a question teach the questions after it, not the question itself', async t => {
    // On the training questions people said the dissenters were right and `sharp` wrong: the ratings
    // overrule what agreement suggested, and the two dissenters are trusted on the contested question.
    const verdicts = (id: string): readonly RecordedRating[] => (id.startsWith('train-')
      ? [{ provider: 'sharp', rating: 'down' }, { provider: 'w1', rating: 'up' }, { provider: 'w2', rating: 'up' }]
      : [])
    const rated = [...replay([...TRAINING, CONTESTED], { strategy: 'auto', ratings: verdicts })]
    t.equal(rated[20].decision.normalized, '20')
    t.ok(accuracy(rated[20].before, 'sharp') < PRIOR_ACCURACY, `sharp ${accuracy(rated[20].before, 'sharp')}`)
    t.ok(accuracy(rated[20].before, 'w1') > PRIOR_ACCURACY, `w1 ${accuracy(rated[20].before, 'w1')}`)
    t.same([rated[20].before.providers.sharp.down, rated[20].before.providers.w1.up], [20, 20])
    // The training questions themselves were still decided by agreement: ratings come after a decision.
    t.equal(rated[0].decision.normalized, '18')

    // A rating on the contested question itself does not change how that question was decided.
    const late = (id: string): readonly RecordedRating[] => (id === 'contested' ? [{ provider: 'sharp', rating: 'down' }, { provider: 'sharp', rating: 'down' }] : [])
    const withLate = [...replay([...TRAINING, CONTESTED], { strategy: 'auto', ratings: late })]
    t.same(withLate[20].decision, [...replay([...TRAINING, CONTESTED], { strategy: 'auto' })][20].decision)

    // A rating given on question 1 is known to question 2.
    const two = [...replay([TRAINING[0], TRAINING[1]], { strategy: 'auto', ratings: id => (id === 'train-0' ? [{ provider: 'w1', rating: 'up' }] : []) })]
    t.equal(two[0].before.providers.w1, undefined)
    t.equal(two[1].before.providers.w1.up, 1)

    // decideAndLearn is one replay step: the service's path, one question at a time.
    const single = decideAndLearn(rated[19].before, TRAINING[19], 'auto', verdicts('train-19'))
    t.same(single.decision, rated[19].decision)
    t.same(single.state, rated[20].before)

    // The initial state is where learning starts.
    const seeded = [...replay([CONTESTED], { strategy: 'auto', initial: rated[20].before })]
    t.equal(seeded[0].decision.normalized, '20')
    const trusted = [...replay([CONTESTED], { strategy: 'auto', initial: learnedFromTraining() })]
    t.equal(trusted[0].decision.normalized, '18')
  })

  function learnedFromTraining (): TrustState {
    let state = emptyTrust()
    for (const step of replay(TRAINING, { strategy: 'auto' })) state = learnFromDecision(step.before, step.decision.learning)
    return state
  }
})
